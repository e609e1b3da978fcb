dashboard-welcome = Xin chào, { $name }
dashboard-today = Hôm nay là { $date }.
dashboard-active-users = người dùng đang hoạt động
dashboard-recent = Hoạt động gần đây của bạn
dashboard-all-activity = Toàn bộ hoạt động trong nhật ký thao tác
dashboard-no-activity = Chưa có hoạt động nào.
