//! Forms: the parsing of submitted fields into domain values with localized field errors
//! (`Reader`), and the form view described in Rust and drawn by `master/form.html`
//! (`FormBuilder`, `FormPage`).
//!
//! Forms are read as `(name, value)` pairs, so a missing field is a field error (422), not a
//! failed extraction.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::calendar;
use crate::domain::currency::Currency;
use crate::domain::decimal::{Dec, NumberError};
use crate::domain::email::Email;
use crate::domain::message::{Refusal, key};
use crate::domain::money::Money;
use crate::domain::text::has_forbidden_control;
use crate::web::error::WebError;
use crate::web::extract::Ui;

/// The currencies offered in drop-downs; any ISO 4217 code is accepted when typed.
pub const CURRENCIES: [&str; 12] = crate::domain::currency::COMMON;

/// Submitted form fields.
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// Field errors by field name, already translated.
#[derive(Default)]
pub struct Errors(pub Vec<(String, String)>);

impl Errors {
    pub fn add(&mut self, field: &str, message: String) {
        if self.get(field).is_none() {
            self.0.push((field.to_owned(), message));
        }
    }

    pub fn get(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
    }

    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// The field errors of a write that a business rule refused, its refusal shown at
    /// `field`; any other failure is not the user's to correct, and is returned as it is.
    pub fn refused<E: Refusal + Into<WebError>>(
        ui: &Ui,
        field: &str,
        e: E,
    ) -> Result<Errors, WebError> {
        let Some(refusal) = e.refusal() else {
            return Err(e.into());
        };
        let mut errors = Errors::default();
        errors.add(field, ui.message(&refusal));
        Ok(errors)
    }
}

/// The message id explaining why a number was refused.
pub fn number_error_key(e: NumberError) -> &'static str {
    match e {
        NumberError::Invalid | NumberError::TooLarge => key("form-error-number"),
        NumberError::Ambiguous => key("form-error-number-ambiguous"),
        NumberError::TooPrecise => key("form-error-too-precise"),
        NumberError::Negative => key("form-error-negative"),
    }
}

/// Reads fields into values, collecting errors in the reader's language.
pub struct Reader<'a> {
    pub ui: &'a Ui,
    pub fields: &'a Fields,
    pub errors: Errors,
}

impl<'a> Reader<'a> {
    pub fn new(ui: &'a Ui, fields: &'a Fields) -> Reader<'a> {
        Reader {
            ui,
            fields,
            errors: Errors::default(),
        }
    }

    fn fail(&mut self, field: &str, id: &'static str) {
        self.errors.add(field, self.ui.t(id));
    }

    /// Trimmed one-line text of at most `max` characters; `required` refuses an empty one.
    pub fn text(&mut self, field: &str, max: usize, required: bool) -> String {
        self.free_text(field, max, required, false)
    }

    /// Trimmed text that may span lines (a textarea), of at most `max` characters.
    pub fn multi_line(&mut self, field: &str, max: usize) -> String {
        self.free_text(field, max, false, true)
    }

    fn free_text(&mut self, field: &str, max: usize, required: bool, multi_line: bool) -> String {
        let value = self.fields.get(field).trim().to_owned();
        if required && value.is_empty() {
            self.fail(field, key("form-error-required"));
        } else if value.chars().count() > max {
            self.fail(field, key("form-error-too-long"));
        } else if has_forbidden_control(&value, multi_line) {
            self.fail(field, key("form-error-control-character"));
        }
        value
    }

    /// An e-mail address, lower-cased, or empty when not `required` and left empty.
    pub fn email(&mut self, field: &str, required: bool) -> String {
        let raw = self.text(field, 254, required);
        if raw.is_empty() {
            return raw;
        }
        match Email::parse(&raw) {
            Ok(email) => email.to_string(),
            Err(e) => {
                self.errors.add(field, self.ui.message(&e.message()));
                raw
            }
        }
    }

    pub fn currency(&mut self, field: &str) -> Option<Currency> {
        match Currency::parse(self.fields.get(field)) {
            Ok(c) => Some(c),
            Err(_) => {
                self.fail(field, key("form-error-currency"));
                None
            }
        }
    }

    /// An amount in `currency` (either decimal mark); empty gives `None` unless required.
    pub fn money(
        &mut self,
        field: &str,
        currency: Option<Currency>,
        required: bool,
    ) -> Option<i64> {
        let raw = self.fields.get(field).trim();
        if raw.is_empty() {
            if required {
                self.fail(field, key("form-error-required"));
            }
            return None;
        }
        let currency = currency?;
        match Money::parse_in(raw, currency, self.ui.locale().number_style()) {
            Ok(m) if m.minor < 0 => {
                self.fail(field, key("form-error-negative"));
                None
            }
            Ok(m) => Some(m.minor),
            Err(e) => {
                self.fail(field, number_error_key(e));
                None
            }
        }
    }

    pub fn decimal(&mut self, field: &str, required: bool) -> Option<Dec> {
        let raw = self.fields.get(field).trim();
        if raw.is_empty() {
            if required {
                self.fail(field, key("form-error-required"));
            }
            return None;
        }
        match Dec::parse_in(raw, self.ui.locale().number_style()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.fail(field, number_error_key(e));
                None
            }
        }
    }

    /// A whole number within `min..=max`.
    pub fn integer(&mut self, field: &str, min: i64, max: i64, required: bool) -> Option<i64> {
        let raw = self.fields.get(field).trim();
        if raw.is_empty() {
            if required {
                self.fail(field, key("form-error-required"));
            }
            return None;
        }
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.errors.add(
                    field,
                    self.ui.state.i18n.t(
                        self.ui.locale(),
                        key("form-error-range"),
                        &[
                            ("min".into(), min.to_string()),
                            ("max".into(), max.to_string()),
                        ],
                    ),
                );
                None
            }
        }
    }

    /// An ISO date (`2027-01-31`), as date inputs send.
    pub fn date(&mut self, field: &str, required: bool) -> Option<NaiveDate> {
        let raw = self.fields.get(field).trim();
        if raw.is_empty() {
            if required {
                self.fail(field, key("form-error-required"));
            }
            return None;
        }
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) if calendar::in_range(d) => Some(d),
            Ok(_) => {
                let (first, last) = calendar::bounds();
                // What may be typed is said in Gregorian years, whatever the reader's display.
                let typed = crate::i18n::format::Formats::default();
                let text = self.ui.state.i18n.t(
                    self.ui.locale(),
                    key("form-error-date-range"),
                    &[
                        ("first".into(), typed.date(self.ui.locale(), first)),
                        ("last".into(), typed.date(self.ui.locale(), last)),
                    ],
                );
                self.errors.add(field, text);
                None
            }
            Err(_) => {
                self.fail(field, key("form-error-date"));
                None
            }
        }
    }

    /// One of `allowed`.
    pub fn choice(&mut self, field: &str, allowed: &[&str]) -> Option<String> {
        let raw = self.fields.get(field).trim();
        if allowed.contains(&raw) {
            Some(raw.to_owned())
        } else {
            self.fail(field, key("form-error-choice"));
            None
        }
    }

    pub fn checkbox(&self, field: &str) -> bool {
        matches!(self.fields.get(field), "on" | "true" | "1")
    }
}

#[derive(Serialize, Clone)]
pub struct OptionView {
    pub value: String,
    pub label: String,
}

/// One form field as `master/form.html` draws it.
#[derive(Serialize)]
pub struct FieldView {
    pub name: String,
    pub label: String,
    /// `text`, `email`, `number`, `date`, `textarea`, `select`, `checkbox`.
    pub input: &'static str,
    pub value: String,
    pub options: Vec<OptionView>,
    pub error: Option<String>,
    pub required: bool,
    pub hint: Option<String>,
    /// The value typed into `lang` attributes for local-script fields.
    pub wide: bool,
}

/// Builds the fields of a form from the values to show and the errors to attach.
pub struct FormBuilder<'a> {
    pub ui: &'a Ui,
    pub values: &'a Fields,
    pub errors: &'a Errors,
    pub fields: Vec<FieldView>,
}

impl<'a> FormBuilder<'a> {
    pub fn new(ui: &'a Ui, values: &'a Fields, errors: &'a Errors) -> FormBuilder<'a> {
        FormBuilder {
            ui,
            values,
            errors,
            fields: Vec::new(),
        }
    }

    fn push(&mut self, name: &str, label: &'static str, input: &'static str, required: bool) {
        self.fields.push(FieldView {
            name: name.to_owned(),
            label: self.ui.t(label),
            input,
            value: self.values.get(name).to_owned(),
            options: Vec::new(),
            error: self.errors.get(name),
            required,
            hint: None,
            wide: input == "textarea",
        });
    }

    pub fn text(&mut self, name: &str, label: &'static str, required: bool) -> &mut Self {
        self.push(name, label, "text", required);
        self
    }

    pub fn email(&mut self, name: &str, label: &'static str) -> &mut Self {
        self.push(name, label, "email", false);
        self
    }

    pub fn number(&mut self, name: &str, label: &'static str, required: bool) -> &mut Self {
        // Amounts are text inputs so either decimal mark can be typed.
        self.push(name, label, "text", required);
        if let Some(f) = self.fields.last_mut() {
            f.input = "number";
        }
        self
    }

    pub fn date(&mut self, name: &str, label: &'static str, required: bool) -> &mut Self {
        self.push(name, label, "date", required);
        self
    }

    pub fn textarea(&mut self, name: &str, label: &'static str) -> &mut Self {
        self.push(name, label, "textarea", false);
        self
    }

    pub fn checkbox(&mut self, name: &str, label: &'static str) -> &mut Self {
        self.push(name, label, "checkbox", false);
        self
    }

    /// A drop-down list; it is required unless one of its options is the empty choice.
    pub fn select(
        &mut self,
        name: &str,
        label: &'static str,
        options: Vec<OptionView>,
    ) -> &mut Self {
        let required = !options.iter().any(|o| o.value.is_empty());
        self.push(name, label, "select", required);
        if let Some(f) = self.fields.last_mut() {
            f.options = options;
        }
        self
    }

    pub fn hint(&mut self, id: &'static str) -> &mut Self {
        let text = self.ui.t(id);
        if let Some(f) = self.fields.last_mut() {
            f.hint = Some(text);
        }
        self
    }

    pub fn currencies(&mut self, name: &str, label: &'static str) -> &mut Self {
        let mut codes: Vec<String> = CURRENCIES.iter().map(|c| (*c).to_owned()).collect();
        let current = self.values.get(name).to_owned();
        if !current.is_empty() && !codes.contains(&current) {
            codes.push(current);
        }
        let options = codes
            .into_iter()
            .map(|c| OptionView {
                value: c.clone(),
                label: c,
            })
            .collect();
        self.select(name, label, options)
    }
}

/// The whole form page.
#[derive(Serialize)]
pub struct FormPage {
    pub title: String,
    pub action: String,
    pub back_href: String,
    pub back_label: String,
    pub fields: Vec<FieldView>,
    pub form_error: Option<String>,
}
