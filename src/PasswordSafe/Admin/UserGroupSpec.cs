using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// A new user group (api-v3 §6.5): BeyondInsight, ActiveDirectory or LDAP, with its registrations (A7),
/// feature permissions and smart-rule access. Base keys are lower-camel as the official client sends them.
/// </summary>
internal sealed class UserGroupSpec
{
    public string GroupType { get; set; } = UserBody.BeyondInsight;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    public IList<int> ApplicationRegistrationIds { get; set; } = new List<int>();

    /// <summary><c>{PermissionID, AccessLevelID}</c> pairs.</summary>
    public IList<IDictionary<string, object?>> Permissions { get; set; } = new List<IDictionary<string, object?>>();

    /// <summary><c>{SmartRuleID, AccessLevelID}</c> pairs.</summary>
    public IList<IDictionary<string, object?>> SmartRuleAccess { get; set; } = new List<IDictionary<string, object?>>();

    public string? ForestName { get; set; }

    public string? DomainName { get; set; }

    public string? GroupDistinguishedName { get; set; }

    public string? HostName { get; set; }

    public int? Port { get; set; }

    public string? BindUser { get; set; }

    public string? BindPassword { get; set; }

    public bool UseSsl { get; set; }

    public string? MembershipAttribute { get; set; }

    public string? AccountAttribute { get; set; }

    public string ToJson()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw AdminErrors.Invalid("The user group has no name.", "Pass -Name.");
        }

        var body = new Dictionary<string, object?>
        {
            ["groupType"] = GroupType,
            ["groupName"] = Name.Trim(),
            ["description"] = Description ?? string.Empty,
            ["isActive"] = IsActive,
        };
        if (GroupType == UserBody.ActiveDirectory)
        {
            body["forestName"] = ForestName;
            body["domainName"] = Require(DomainName, "DomainName");
            AddBind(body);
        }
        else if (GroupType == UserBody.Ldap)
        {
            body["groupDistinguishedName"] = Require(GroupDistinguishedName, "GroupDistinguishedName");
            body["hostName"] = Require(HostName, "HostName");
            body["port"] = Port;
            AddBind(body);
            body["membershipAttribute"] = MembershipAttribute;
            body["accountAttribute"] = AccountAttribute;
        }

        body["Permissions"] = Pairs(Permissions, "Permission", "PermissionID");
        body["SmartRuleAccess"] = Pairs(SmartRuleAccess, "SmartRuleAccess", "SmartRuleID");
        body["ApplicationRegistrationIDs"] = ApplicationRegistrationIds.Distinct().ToList();
        return JsonBodySerializer.Serialize(body.Where(e => e.Value != null).ToDictionary(e => e.Key, e => e.Value));
    }

    private void AddBind(IDictionary<string, object?> body)
    {
        body["bindUser"] = BindUser;
        body["bindPassword"] = BindPassword;
        body["useSSL"] = UseSsl;
    }

    private static string Require(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw AdminErrors.Invalid($"-{parameter} is required for this group type.", $"Pass -{parameter}.") : value!;

    /// <summary>Each entry must carry the id key and <c>AccessLevelID</c>, both whole numbers.</summary>
    private static List<Dictionary<string, object?>> Pairs(IEnumerable<IDictionary<string, object?>> entries, string parameter, string idKey)
    {
        var result = new List<Dictionary<string, object?>>();
        foreach (var entry in entries)
        {
            var pair = new Dictionary<string, object?>();
            foreach (var key in new[] { idKey, "AccessLevelID" })
            {
                var match = entry.FirstOrDefault(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
                if (match.Key == null || match.Value == null || !int.TryParse(Convert.ToString(match.Value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    throw AdminErrors.Invalid($"A -{parameter} entry has no whole-number {key}.",
                        $"Pass entries such as @{{ {idKey} = 1; AccessLevelID = 2 }}.");
                }

                pair[key] = number;
            }

            result.Add(pair);
        }

        return result;
    }
}
