dashboard-welcome = 欢迎，{ $name }
dashboard-today = 今天是 { $date }。
dashboard-active-users = 活跃用户
dashboard-recent = 您的近期活动
dashboard-all-activity = 审计日志中的全部活动
dashboard-no-activity = 暂无活动。
