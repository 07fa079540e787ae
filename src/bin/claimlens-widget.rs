//! The browser widget's entry, built by Trunk for wasm32. Everything lives in the library: its
//! `#[wasm_bindgen]` exports (in `claimlens::wasm`) are what the loader calls. Referencing the
//! library keeps it linked.

fn main() {
    #[cfg(target_arch = "wasm32")]
    claimlens::wasm::link();
}
