//! `tourdesk demo`: a demo agency with one user per role, launched through the launcher.

use anyhow::Context;
use std::path::Path;

use crate::domain::access::Role;
use crate::domain::currency::Currency;
use crate::domain::locale::Locale;
use crate::domain::slug::Slug;
use crate::manifest::Manifest;
use crate::provision::{self, NewStaff, NewTenant};

const SLUG: &str = "demo";

/// The demo's sign-ins: well known on purpose, since the demo holds no real data.
pub fn sign_ins() -> Vec<(Role, String, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                *r,
                format!("{}@demo.local", r.as_str()),
                format!("demo-{}-pass", r.as_str()),
            )
        })
        .collect()
}

pub fn run(manifest_path: &Path) -> anyhow::Result<()> {
    let manifest = Manifest::load(manifest_path)?;
    if !manifest.tenants.contains_key(SLUG) {
        provision_demo(manifest_path).context("provisioning the demo tenant")?;
    }
    // Master data for a realistic demo; seeding does nothing once some is there.
    let (manifest, tenant) = provision::load_tenant(manifest_path, SLUG)?;
    provision::migrate(&tenant)?;
    crate::demo_data::seed_tenant(&tenant)?;
    let port = manifest
        .launcher
        .listen
        .rsplit(':')
        .next()
        .unwrap_or("8080")
        .to_owned();
    println!();
    println!(
        "tourdesk demo: http://{SLUG}.{}:{port}/",
        manifest.launcher.base_domain
    );
    println!();
    println!("sign in as:");
    for (role, email, password) in sign_ins() {
        println!("  {:<11} {:<26} {}", role.as_str(), email, password);
    }
    println!();
    println!(
        "the launcher runs every enabled tenant of {}; stop it with Ctrl-C",
        manifest_path.display()
    );
    crate::launcher::run(manifest_path, None)
}

fn provision_demo(manifest_path: &Path) -> anyhow::Result<()> {
    let done = provision::create(
        manifest_path,
        NewTenant {
            slug: Slug::parse(SLUG)?,
            name: "Siam Lotus Travel (demo)".to_owned(),
            base_currency: Currency::parse("THB")?,
            locale: Locale::En,
            port: None,
            database_url: None,
            admin_email: None,
            time_zone: None,
        },
    )?;
    for (role, email, password) in sign_ins() {
        if role == Role::Admin {
            provision::set_password(&done.tenant, &email, &password)?;
        } else {
            let name = format!("Demo {}", role.as_str());
            provision::add_user(
                &done.tenant,
                &NewStaff {
                    email: &email,
                    role,
                    display_name: Some(&name),
                    password: &password,
                },
            )?;
        }
    }
    Ok(())
}
