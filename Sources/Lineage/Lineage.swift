import ResolutionText
import LineageCore
import GitStore
