using System;
using System.Net.Mail;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reads a POST/PUT Users body (api-v3 §6.6) by UserType and checks what needs no state: required fields per type,
/// UserName/FirstName/LastName ≤ 64 and EmailAddress ≤ 255 characters, ports. Passwords are never echoed in a reason.
/// </summary>
internal static class UserBodyReader
{
    internal const int MaxNameLength = 64;
    internal const int MaxEmailLength = 255;

    internal static UserInput? Read(JsonBody body, bool creating, out string? error)
    {
        error = null;
        try
        {
            UserType? type = null;
            if (body.Text("UserType") is { } typeText)
            {
                if (!EnumNames.TryParse<UserType>(typeText, out var parsed))
                    return Fail($"UserType must be BeyondInsight, ActiveDirectory, LDAP or Application (got '{typeText}').", out error);
                type = parsed;
            }
            else if (creating)
            {
                type = UserType.BeyondInsight;
            }
            var input = new UserInput
            {
                UserType = type,
                UserName = body.Text("UserName"),
                FirstName = body.Text("FirstName"),
                LastName = body.Text("LastName"),
                EmailAddress = body.Text("EmailAddress"),
                Password = body.Text("Password"),
                DomainName = body.Text("DomainName"),
                ForestName = body.Text("ForestName"),
                UserPrincipalName = body.Text("UserPrincipalName"),
                DistinguishedName = body.Text("DistinguishedName"),
                HostName = body.Text("HostName"),
                Port = body.Int("Port"),
                UseSsl = body.Bool("UseSSL"),
                BindUser = body.Text("BindUser"),
                BindPassword = body.Text("BindPassword"),
                AccountNameAttribute = body.Text("AccountNameAttribute"),
                AccessPolicyId = body.Int("AccessPolicyID"),
            };
            if ((Length("UserName", input.UserName, MaxNameLength) ?? Length("FirstName", input.FirstName, MaxNameLength)
                ?? Length("LastName", input.LastName, MaxNameLength) ?? Length("EmailAddress", input.EmailAddress, MaxEmailLength)
                ?? Length("DomainName", input.DomainName, 255) ?? Length("ForestName", input.ForestName, 255)
                ?? Length("DistinguishedName", input.DistinguishedName, 1000) ?? Length("HostName", input.HostName, 255)) is { } tooLong)
                return Fail(tooLong, out error);
            if (input.EmailAddress is { Length: > 0 } email && !MailAddress.TryCreate(email, out _))
                return Fail($"EmailAddress must be an e-mail address (got '{email}').", out error);
            if (input.Port is < 1 or > 65535) return Fail("Port must be from 1 to 65535.", out error);
            if (input.UserName is not null && input.UserName.Trim().Length == 0) return Fail("UserName must not be empty.", out error);
            return creating ? Required(input, out error) : input;
        }
        catch (FormatException e)
        {
            return Fail(e.Message, out error);
        }
    }

    /// <summary>What each UserType needs on create (api-v3 §6.6).</summary>
    private static UserInput? Required(UserInput input, out string? error)
    {
        error = null;
        switch (input.UserType)
        {
            case UserType.BeyondInsight:
                if (string.IsNullOrWhiteSpace(input.UserName)) return Fail("UserName is required.", out error);
                if (string.IsNullOrEmpty(input.Password)) return Fail("Password is required for a BeyondInsight user.", out error);
                return input;
            case UserType.ActiveDirectory:
                if (string.IsNullOrWhiteSpace(input.UserName)) return Fail("UserName is required (the account name in the domain).", out error);
                if (string.IsNullOrWhiteSpace(input.DomainName)) return Fail("DomainName is required for an ActiveDirectory user (it signs in as DOMAIN\\user, B1).", out error);
                return input;
            case UserType.LDAP:
                if (string.IsNullOrWhiteSpace(input.HostName)) return Fail("HostName is required for an LDAP user (the directory server).", out error);
                if (string.IsNullOrWhiteSpace(input.DistinguishedName)) return Fail("DistinguishedName is required for an LDAP user.", out error);
                if (string.IsNullOrWhiteSpace(input.UserName) && CommonName(input.DistinguishedName!) is null)
                    return Fail("DistinguishedName must start with CN=<name> (or send UserName).", out error);
                return string.IsNullOrWhiteSpace(input.UserName)
                    ? new UserInput
                    {
                        UserType = input.UserType, UserName = CommonName(input.DistinguishedName!), DistinguishedName = input.DistinguishedName,
                        HostName = input.HostName, Port = input.Port ?? 389, UseSsl = input.UseSsl, BindUser = input.BindUser,
                        BindPassword = input.BindPassword, AccountNameAttribute = input.AccountNameAttribute,
                        DomainName = input.DomainName ?? input.HostName, EmailAddress = input.EmailAddress,
                    }
                    : input;
            default:
                if (string.IsNullOrWhiteSpace(input.UserName)) return Fail("UserName is required.", out error);
                if (input.AccessPolicyId is null) return Fail("AccessPolicyID is required for an Application user: the id of an ApiAccessPolicy registration (C2).", out error);
                if (input.Password is not null) return Fail("An Application user has no password: it signs in with its client id and secret (C1).", out error);
                return input;
        }
    }

    private static string? CommonName(string distinguishedName)
    {
        var first = distinguishedName.Split(',')[0].Trim();
        return first.StartsWith("CN=", StringComparison.OrdinalIgnoreCase) && first.Length > 3 ? first[3..].Trim() : null;
    }

    private static string? Length(string name, string? value, int max) =>
        value is { Length: var length } && length > max ? $"{name} must be {max} characters or fewer (got {length})." : null;

    private static UserInput? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
