namespace PasswordSafe.Checkout;

/// <summary>
/// The user name of a released credential in the account's own form: a name that is already qualified
/// (<c>DOMAIN\name</c> or a UPN) as it is, else <c>DOMAIN\name</c> for directory accounts, else the UPN,
/// else the bare name of a local account.
/// </summary>
internal static class CredentialUserName
{
    public static string? For(string? domainName, string? accountName, string? userPrincipalName)
    {
        if (string.IsNullOrEmpty(accountName))
        {
            return string.IsNullOrEmpty(userPrincipalName) ? null : userPrincipalName;
        }

        if (accountName!.IndexOf('\\') >= 0 || accountName.IndexOf('@') >= 0)
        {
            return accountName;
        }

        if (!string.IsNullOrEmpty(domainName))
        {
            return domainName + "\\" + accountName;
        }

        return string.IsNullOrEmpty(userPrincipalName) ? accountName : userPrincipalName;
    }
}
