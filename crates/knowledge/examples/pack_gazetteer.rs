//! Packs the gazetteer TSV (gzip'd) made by `scripts/build-gazetteer` into the embedded
//! in-place assets: `cargo run --release -p wirecoder-knowledge --example pack_gazetteer --
//! IN.tsv.gz OUT_DIR`.

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        return Err("usage: pack_gazetteer IN.tsv.gz OUT_DIR".into());
    };
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(input)?).read_to_string(&mut tsv)?;
    let packed = wirecoder_knowledge::gazetteer::pack(&tsv)?;
    let dir = std::path::Path::new(out_dir);
    std::fs::write(dir.join("gazetteer.bin.lz4"), &packed.blob_lz4)?;
    std::fs::write(dir.join("gazetteer.fst"), &packed.names_fst)?;
    println!(
        "packed {input}: gazetteer.bin.lz4 {} bytes, gazetteer.fst {} bytes",
        packed.blob_lz4.len(),
        packed.names_fst.len()
    );
    Ok(())
}
