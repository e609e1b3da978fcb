//! The downloadable template of each import kind: headers in the reader's language, an example
//! row, drop-down lists where the values are fixed, dates as Excel dates.

use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, XlsxError};

use super::Kind;
use super::sheet::CellKind;
use crate::domain::locale::Locale;
use crate::i18n::I18n;

/// The template as xlsx bytes.
pub fn build(kind: Kind, i18n: &I18n, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDE8F0");
    let required = Format::new().set_bold().set_background_color("#F9E0A8");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = workbook.add_worksheet();
    sheet.set_name(kind.as_str())?;
    for (col, column) in kind.columns().iter().enumerate() {
        let col = col as u16;
        let mut label = i18n.t(locale, column.label, &[]);
        if column.required {
            label.push_str(" *");
        }
        let format = if column.required { &required } else { &header };
        sheet.write_string_with_format(0, col, &label, format)?;
        sheet.set_column_width(col, 20)?;
        match column.cell {
            CellKind::Date => {
                let value = ExcelDateTime::parse_from_str(column.example)?;
                sheet.write_date_with_format(1, col, &value, &date)?;
            }
            CellKind::Number => match column.example.parse::<f64>() {
                Ok(n) => {
                    sheet.write_number(1, col, n)?;
                }
                Err(_) => {
                    sheet.write_string(1, col, column.example)?;
                }
            },
            CellKind::Text => {
                sheet.write_string(1, col, column.example)?;
            }
        }
        if !column.choices.is_empty() {
            let validation = DataValidation::new()
                .allow_list_strings(column.choices)?
                .ignore_blank(true);
            sheet.add_data_validation(1, col, 5000, col, &validation)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}
