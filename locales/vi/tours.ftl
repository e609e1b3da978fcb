# Tour, báo giá và đoàn.
codes-error-sequence = Mẫu phải có đúng một {"{"}seq{"}"} (hoặc {"{"}seq:4{"}"} cho bốn chữ số).
codes-error-placeholder = Dùng {"{"}yy{"}"}, {"{"}yyyy{"}"}, {"{"}seq{"}"} hoặc {"{"}seq:N{"}"} với N từ 1 đến 9.
codes-error-text = Chỉ dùng chữ cái, chữ số và - / _ . , tối đa 40 ký tự.
