//! Minifies the stylesheet into OUT_DIR (see `css_min.rs`): the wasm carries it as a string.

#[path = "css_min.rs"]
mod css_min;

fn main() {
    println!("cargo::rerun-if-changed=src/style.css");
    println!("cargo::rerun-if-changed=css_min.rs");
    let css = std::fs::read_to_string("src/style.css").unwrap_or_else(|e| panic!("src/style.css: {e}")); // ok: build script
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}")); // ok: build script
    std::fs::write(format!("{out}/style.min.css"), css_min::minify(&css))
        .unwrap_or_else(|e| panic!("cannot write the stylesheet: {e}")); // ok: build script
}
