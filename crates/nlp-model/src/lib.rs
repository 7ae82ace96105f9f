//! Pure-Rust inference of spaCy's `en_core_web_sm` 3.8 pipeline: tokenizer, tok2vec, tagger,
//! attribute ruler, lemmatizer, dependency parser and NER, with output identical to spaCy.
