//! Rebuilds when migrations, templates, locales or static files change, since all are embedded.
fn main() {
    for dir in ["migrations", "templates", "locales", "static"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
