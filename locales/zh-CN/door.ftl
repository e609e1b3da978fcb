# The launcher's own pages (unknown host, starting, unavailable).
door-unknown-title = 未知的旅行社
door-unknown-text = 此地址没有对应的旅行社。
door-starting-title = 正在启动
door-starting-text = 该旅行社的服务正在启动，页面将在几秒钟后可用。
door-restarting-text = 该旅行社的服务正在重新启动，请几秒钟后重试。
door-unavailable-title = 旅行社暂不可用
door-unavailable-text = 该旅行社目前不可用，请联系平台支持人员。
door-bad-request-title = 请求无效
door-bad-request-text = 无法读取该地址。
