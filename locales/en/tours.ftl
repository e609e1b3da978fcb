# Tours, quotations and groups.
codes-error-sequence = The pattern needs exactly one {"{"}seq{"}"} (or {"{"}seq:4{"}"} for four digits).
codes-error-placeholder = Use {"{"}yy{"}"}, {"{"}yyyy{"}"}, {"{"}seq{"}"} or {"{"}seq:N{"}"} with N from 1 to 9.
codes-error-text = Use letters, digits and - / _ . only, at most 40 characters.
