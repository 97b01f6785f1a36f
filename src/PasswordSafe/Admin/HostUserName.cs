namespace PasswordSafe.Admin;

/// <summary>
/// Splits the user name of the credential New-PSAdminSession is given into the body's DomainName and UserName:
/// <c>DOMAIN\user</c> → (DOMAIN, user), <c>user@contoso.test</c> → (contoso.test, user), anything else → (null, name).
/// -DomainName wins: then the name is sent exactly as typed.
/// </summary>
internal static class HostUserName
{
    public static (string? DomainName, string UserName) Split(string name, string? explicitDomain)
    {
        if (!string.IsNullOrEmpty(explicitDomain))
        {
            return (explicitDomain, name);
        }

        var backslash = name.IndexOf('\\');
        if (backslash > 0 && backslash < name.Length - 1)
        {
            return (name.Substring(0, backslash), name.Substring(backslash + 1));
        }

        var at = name.LastIndexOf('@');
        if (at > 0 && at < name.Length - 1)
        {
            return (name.Substring(at + 1), name.Substring(0, at));
        }

        return (null, name);
    }
}
