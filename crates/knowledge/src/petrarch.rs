//! Loaders for TABARI/PETRARCH dictionary formats (actors, agents, discards, verbs).
