//! Evaluation harnesses: PETRARCH validation suites, PLOVER gold records and geoparsing
//! corpora, each printing a summary line `eval <suite>: <metric> <value>% ...`.

pub mod geo;
pub mod petrarch;
pub mod plover;
