using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// The <c>POST Users</c> / <c>PUT Users/{id}</c> bodies per user type (api-v3 §6.6), with the server's
/// length limits checked first: UserName, FirstName, LastName ≤ 64, EmailAddress ≤ 255.
/// </summary>
internal static class UserBody
{
    public const string BeyondInsight = "BeyondInsight";
    public const string ActiveDirectory = "ActiveDirectory";
    public const string Ldap = "LDAP";
    public const string Application = "Application";

    private static readonly IReadOnlyList<FieldSpec> Limits = new[]
    {
        FieldSpec.Text("UserName", "UserName", 64),
        FieldSpec.Text("FirstName", "FirstName", 64),
        FieldSpec.Text("LastName", "LastName", 64),
        FieldSpec.Text("EmailAddress", "EmailAddress", 255),
    };

    /// <summary>
    /// What Set-PSUser can change, compared with the user's current values before anything is sent; the server never
    /// shows a password, so a given one always counts as a change.
    /// </summary>
    public static readonly IReadOnlyList<FieldSpec> Updatable = new[]
    {
        FieldSpec.Text("UserName", "UserName", 64),
        FieldSpec.Text("FirstName", "FirstName", 64),
        FieldSpec.Text("LastName", "LastName", 64),
        FieldSpec.Text("EmailAddress", "EmailAddress", 255),
        FieldSpec.Secret("Password", "Password"),
        FieldSpec.Integer("AccessPolicyId", "AccessPolicyID"),
    };

    /// <summary>The user's current values of <see cref="Updatable"/>.</summary>
    public static IDictionary<string, object?> Baseline(User current) => new Dictionary<string, object?>
    {
        ["UserName"] = current.UserName, ["FirstName"] = current.FirstName, ["LastName"] = current.LastName,
        ["EmailAddress"] = current.EmailAddress, ["AccessPolicyID"] = current.AccessPolicyId,
    };

    public static string ForBeyondInsight(string userName, string? firstName, string? lastName, string? emailAddress, string password) =>
        Serialize(new Dictionary<string, object?>
        {
            ["UserType"] = BeyondInsight,
            ["UserName"] = Required(userName, "UserName"),
            ["FirstName"] = firstName,
            ["LastName"] = lastName,
            ["EmailAddress"] = emailAddress,
            ["Password"] = Required(password, "Password"),
        });

    public static string ForActiveDirectory(string userName, string? forestName, string domainName, string? bindUser, string? bindPassword, bool useSsl) =>
        Serialize(new Dictionary<string, object?>
        {
            ["UserType"] = ActiveDirectory,
            ["UserName"] = Required(userName, "UserName"),
            ["ForestName"] = forestName,
            ["DomainName"] = Required(domainName, "DomainName"),
            ["BindUser"] = bindUser,
            ["BindPassword"] = bindPassword,
            ["UseSSL"] = useSsl,
        });

    public static string ForLdap(string hostName, string distinguishedName, string? accountNameAttribute, string? bindUser, string? bindPassword, int? port, bool useSsl) =>
        Serialize(new Dictionary<string, object?>
        {
            ["UserType"] = Ldap,
            ["HostName"] = Required(hostName, "HostName"),
            ["DistinguishedName"] = Required(distinguishedName, "DistinguishedName"),
            ["AccountNameAttribute"] = accountNameAttribute,
            ["BindUser"] = bindUser,
            ["BindPassword"] = bindPassword,
            ["Port"] = port,
            ["UseSSL"] = useSsl,
        });

    /// <summary>C2: an application user is bound to an API access policy registration.</summary>
    public static string ForApplication(string userName, int accessPolicyId) =>
        Serialize(new Dictionary<string, object?>
        {
            ["UserType"] = Application,
            ["UserName"] = Required(userName, "UserName"),
            ["AccessPolicyID"] = accessPolicyId,
        });

    /// <summary>
    /// <c>PUT Users/{id}</c>: BeyondInsight users send their names, e-mail and (optionally) a new password;
    /// application users their name and access policy. Directory users are changed in their directory.
    /// </summary>
    public static string ForUpdate(User current, string? userName, string? firstName, string? lastName, string? emailAddress,
        string? password, int? accessPolicyId)
    {
        var type = current.UserType ?? BeyondInsight;
        if (type.Equals(Application, System.StringComparison.OrdinalIgnoreCase))
        {
            if (firstName != null || lastName != null || emailAddress != null || password != null)
            {
                throw AdminErrors.Invalid($"User '{current.UserName}' is an application user: only -UserName and -AccessPolicyId can be changed.",
                    "Leave out -FirstName, -LastName, -EmailAddress and -Password; use Reset-PSClientSecret for its secret.");
            }

            return Serialize(new Dictionary<string, object?>
            {
                ["UserName"] = userName ?? current.UserName,
                ["AccessPolicyID"] = accessPolicyId ?? current.AccessPolicyId,
            });
        }

        if (!type.Equals(BeyondInsight, System.StringComparison.OrdinalIgnoreCase))
        {
            // "an": the other user types are ActiveDirectory, LDAP and Application.
            throw AdminErrors.Invalid($"User '{current.UserName}' is an {type} user; its names and e-mail come from the directory.",
                "Change the user in the directory; Set-PSUser changes BeyondInsight and application users.");
        }

        if (accessPolicyId != null)
        {
            throw AdminErrors.Invalid("-AccessPolicyId applies only to application users.", "Leave -AccessPolicyId out for a BeyondInsight user.");
        }

        return Serialize(new Dictionary<string, object?>
        {
            ["UserName"] = userName ?? current.UserName,
            ["FirstName"] = firstName ?? current.FirstName,
            ["LastName"] = lastName ?? current.LastName,
            ["EmailAddress"] = emailAddress ?? current.EmailAddress,
            ["Password"] = password,
        });
    }

    private static string Required(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw AdminErrors.Invalid($"-{parameter} is empty.", $"Pass a value for -{parameter}.");
        }

        return value!;
    }

    private static string Serialize(Dictionary<string, object?> body)
    {
        foreach (var limit in Limits.Where(l => body.ContainsKey(l.WireName)))
        {
            BodyBuilder.Validate(limit, body[limit.WireName]);
        }

        // Optional values the user did not give stay out of the body rather than being sent as null.
        var present = body.Where(e => e.Value != null).ToDictionary(e => e.Key, e => e.Value);
        return JsonBodySerializer.Serialize(present);
    }
}
