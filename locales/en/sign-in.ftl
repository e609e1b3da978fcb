sign-in-title = Sign in
sign-in-email = E-mail
sign-in-password = Password
sign-in-submit = Sign in
sign-in-forgot = Forgot your password? Ask your agency's administrator to reset it.
sign-in-error-invalid = The e-mail or password is not right.
sign-in-error-disabled = This account is disabled. Ask your agency's administrator to enable it.
sign-in-error-throttled = Too many failed sign-ins. Try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
sign-in-signed-out = You have signed out.
