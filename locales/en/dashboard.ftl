dashboard-welcome = Welcome, { $name }
dashboard-today = Today is { $date }.
dashboard-active-users = active users
dashboard-recent = Your recent activity
dashboard-all-activity = All activity in the audit log
dashboard-no-activity = No activity yet.
