//! `tourdesk demo`: a demo agency with one user per role, served at once.

use anyhow::Context;
use std::net::TcpListener;
use std::path::Path;

use crate::domain::access::Role;
use crate::domain::currency::Currency;
use crate::domain::locale::Locale;
use crate::domain::slug::Slug;
use crate::manifest::Manifest;
use crate::provision::{self, NewStaff, NewTenant};
use crate::web;

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
    let (manifest, tenant) = provision::load_tenant(manifest_path, SLUG)?;
    provision::migrate(&tenant)?;
    crate::demo_data::seed_tenant(&tenant)?;
    let state = web::AppState::open(&manifest, tenant.clone())?;
    let listener = TcpListener::bind(("127.0.0.1", tenant.port))
        .with_context(|| format!("binding 127.0.0.1:{}", tenant.port))?;
    println!();
    println!(
        "tourdesk demo is running at http://{}:{}/",
        state.host, tenant.port
    );
    println!();
    println!("sign in as:");
    for (role, email, password) in sign_ins() {
        println!("  {:<11} {:<26} {}", role.as_str(), email, password);
    }
    println!();
    println!("stop with Ctrl-C");
    actix_web::rt::System::new().block_on(web::run(state, listener))
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
