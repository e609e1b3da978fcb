//! The downloadable template of each import kind: a data sheet with the headers in the reader's
//! language and drop-down lists where the values are fixed, and an instructions sheet — how
//! rows find their records, what a blank cell and the clear marker do, and each column with its
//! example. The example never sits in the data area, so a template uploaded as it came writes
//! nothing.

use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::Kind;
use super::reader::CLEAR;
use super::sheet::{CellKind, Column, Role};
use crate::domain::locale::Locale;
use crate::domain::message::key;
use crate::i18n::I18n;

/// How many rows of the data sheet get the drop-down lists.
const LISTED_ROWS: u32 = 5000;

/// The message id saying what a column's role asks of its cells.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Key => key("imports-role-key"),
        Role::KeyPart => key("imports-role-key-part"),
        Role::Required => key("imports-role-required"),
        Role::Defaulted => key("imports-role-defaulted"),
        Role::Optional => key("imports-role-optional"),
    }
}

/// What filling the column in asks: its note, or what its role asks.
pub fn how(i18n: &I18n, locale: Locale, column: &Column) -> String {
    let id = column.note.unwrap_or_else(|| role_key(column.role));
    i18n.t(locale, id, &[("marker".into(), CLEAR.into())])
}

/// The column's header: its label, with `*` when a new record needs it.
pub fn header(i18n: &I18n, locale: Locale, column: &Column) -> String {
    let mut label = i18n.t(locale, column.label, &[]);
    if column.required_header() {
        label.push_str(" *");
    }
    label
}

/// The template as xlsx bytes.
pub fn build(kind: Kind, i18n: &I18n, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let t = |id: &str| i18n.t(locale, id, &[]);
    let mut workbook = Workbook::new();
    let plain = Format::new().set_bold().set_background_color("#DDE8F0");
    let required = Format::new().set_bold().set_background_color("#F9E0A8");
    let date = Format::new().set_num_format("yyyy-mm-dd");

    // The data sheet, read by the import: headers only.
    let sheet = workbook.add_worksheet();
    sheet.set_name(kind.as_str())?;
    for (col, column) in kind.columns().iter().enumerate() {
        let col = col as u16;
        let format = if column.required_header() {
            &required
        } else {
            &plain
        };
        sheet.write_string_with_format(0, col, header(i18n, locale, column), format)?;
        sheet.set_column_width(col, 20)?;
        if column.cell == CellKind::Date {
            sheet.set_column_format(col, &date)?;
        }
        if !column.choices.is_empty() {
            let mut choices: Vec<&str> = column.choices.to_vec();
            if column.role == Role::Optional {
                choices.push(CLEAR);
            }
            let validation = DataValidation::new()
                .allow_list_strings(&choices)?
                .ignore_blank(true);
            sheet.add_data_validation(1, col, LISTED_ROWS, col, &validation)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;

    // The instructions, never read.
    let help = workbook.add_worksheet();
    help.set_name(sheet_name(&t(key("imports-help-sheet"))))?;
    write_help(help, kind, i18n, locale)?;
    workbook.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(text: &str) -> String {
    let name: String = text
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(31)
        .collect();
    if name.trim().is_empty() {
        "Help".to_owned()
    } else {
        name
    }
}

fn write_help(
    help: &mut Worksheet,
    kind: Kind,
    i18n: &I18n,
    locale: Locale,
) -> Result<(), XlsxError> {
    let t = |id: &str| i18n.t(locale, id, &[]);
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold().set_background_color("#DDE8F0");
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    help.set_column_width(0, 28)?;
    help.set_column_width(1, 28)?;
    help.set_column_width(2, 70)?;
    help.write_string_with_format(0, 0, t(kind.title()), &title)?;
    let rules = [
        t(key("imports-help-data-sheet")),
        t(kind.matching()),
        t(key("imports-help-blank")),
        i18n.t(
            locale,
            key("imports-help-clear"),
            &[("marker".into(), CLEAR.into())],
        ),
        t(key("imports-help-formats")),
    ];
    let mut row = 2;
    for rule in rules {
        help.merge_range(row, 0, row, 2, &rule, &wrap)?;
        help.set_row_height(row, 32)?;
        row += 1;
    }
    row += 1;
    for (col, id) in [
        key("imports-column"),
        key("imports-example"),
        key("imports-how"),
    ]
    .into_iter()
    .enumerate()
    {
        help.write_string_with_format(row, col as u16, t(id), &bold)?;
    }
    for column in kind.columns() {
        row += 1;
        help.write_string(row, 0, header(i18n, locale, column))?;
        match column.cell {
            CellKind::Date if !column.example.is_empty() => {
                let value = ExcelDateTime::parse_from_str(column.example)?;
                help.write_date_with_format(row, 1, &value, &date)?;
            }
            CellKind::Number => match column.example.parse::<f64>() {
                Ok(n) => {
                    help.write_number(row, 1, n)?;
                }
                Err(_) => {
                    help.write_string(row, 1, column.example)?;
                }
            },
            _ => {
                help.write_string(row, 1, column.example)?;
            }
        }
        help.write_string_with_format(row, 2, how(i18n, locale, column), &wrap)?;
    }
    Ok(())
}
