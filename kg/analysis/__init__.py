"""Graph analytics over kg's graphs with networkx: the graph view, rankings, paths, communities."""

from kg.analysis.measures import communities, explained_path, find_node, scores, top, write_network
from kg.analysis.network import to_networkx

__all__ = ["to_networkx", "scores", "top", "find_node", "explained_path", "communities", "write_network"]
