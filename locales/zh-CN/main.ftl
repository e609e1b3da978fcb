# 通用词汇：导航、列表、表单、角色、错误页面。

nav-label = 主菜单
nav-dashboard = 仪表板
nav-settings = 设置
nav-language = 语言
nav-language-apply = 切换
nav-change-password = 修改密码
nav-sign-out = 退出登录

list-search = 搜索
list-filter = 筛选
list-clear = 清除
list-pages = 分页
list-prev = ← 上一页
list-next = 下一页 →
list-page-of = 第 { $page } 页，共 { $pages } 页
list-empty-page = 此页没有记录：列表共有 { $pages } 页。
list-last-page = 转到最后一页

form-save = 保存

role-admin = 管理员
role-manager = 经理
role-sales = 销售
role-operations = 操作
role-accountant = 会计
role-viewer = 只读用户
role-admin-description = 全部功能，以及员工账户、设置和审计日志。
role-manager-description = 全部主数据，从供应商到汇率；公司设置。
role-sales-description = 客户旅行社——条款、联系人、语言；可查看供应商、导游和汇率以便报价。
role-operations-description = 供应商及其价格和车辆、导游；可查看客户和汇率。
role-accountant-description = 汇率；可查看全部主数据。
role-viewer-description = 可查看全部主数据；不能修改。

error-back-home = 返回仪表板
error-bad-request = 无法识别该请求。
error-bad-form = 无法读取表单：{ $detail }
error-bad-query = 此地址中有无法识别的值：例如，页码必须是整数。
error-forbidden = 您没有执行此操作的权限，或表单已过期。请刷新页面后重试。
error-not-found = 该页面不存在。
error-method-not-allowed = 该页面不接受此类请求。
error-too-large = 提交的数据过大。
error-misdirected = 该地址不属于本旅行社。
error-unprocessable = 部分字段需要修改。
error-too-many-requests = 请求过于频繁，请稍候再试。
error-unavailable = 服务暂时不可用，请稍后再试。
error-internal = 系统内部出错，问题已记录。
error-archived = 此记录已归档，请先恢复再修改。
