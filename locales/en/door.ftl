# The launcher's own pages (unknown host, starting, unavailable).
door-unknown-title = Unknown agency
door-unknown-text = No agency answers at this address.
door-starting-title = Starting
door-starting-text = This agency's service is starting. The page will be available in a few seconds.
door-restarting-text = This agency's service is restarting. Try again in a few seconds.
door-unavailable-title = Agency unavailable
door-unavailable-text = This agency is unavailable at the moment. Please contact the platform's support.
door-bad-request-title = Bad request
door-bad-request-text = The address could not be read.
