import ArgumentParser
import Lineage
print("lineage")
