using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reads a POST UserGroups body (api-v3 §6.5): base keys as the official Python client sends them (groupType,
/// groupName, description, isActive; any casing, GroupName too), directory fields by type, Permissions,
/// SmartRuleAccess (an object or an array) and ApplicationRegistrationIDs.
/// </summary>
internal static class UserGroupBodyReader
{
    internal const int MaxNameLength = 200;
    internal const int MaxDescriptionLength = 255;
    private static readonly string[] GroupTypes = ["BeyondInsight", "ActiveDirectory", "LDAP"];

    internal static UserGroupInput? Read(JsonBody body, out string? error)
    {
        error = null;
        try
        {
            var typeText = body.Text("groupType") ?? "BeyondInsight";
            var type = Array.Find(GroupTypes, t => t.Equals(typeText.Trim(), StringComparison.OrdinalIgnoreCase));
            if (type is null) return Fail($"groupType must be BeyondInsight, ActiveDirectory or LDAP (got '{typeText}').", out error);
            var name = body.Text("groupName") ?? body.Text("Name");
            if (string.IsNullOrWhiteSpace(name)) return Fail("groupName is required.", out error);
            if (name.Length > MaxNameLength) return Fail($"groupName must be {MaxNameLength} characters or fewer.", out error);
            var description = body.Text("description");
            if (description is { Length: > MaxDescriptionLength }) return Fail($"description must be {MaxDescriptionLength} characters or fewer.", out error);
            var input = new UserGroupInput
            {
                GroupType = type,
                Name = name.Trim(),
                Description = description,
                IsActive = body.Bool("isActive") ?? true,
                ForestName = body.Text("forestName"),
                DomainName = body.Text("domainName"),
                DistinguishedName = body.Text("groupDistinguishedName"),
                HostName = body.Text("hostName"),
                Port = body.Int("port"),
                UseSsl = body.Bool("useSSL") ?? false,
                BindUser = body.Text("bindUser"),
                BindPassword = body.Text("bindPassword"),
                MembershipAttribute = body.Text("membershipAttribute"),
                AccountAttribute = body.Text("accountAttribute"),
                ApplicationRegistrationIds = Ids(body, "ApplicationRegistrationIDs"),
                Permissions = Permissions(body, "Permissions"),
                SmartRuleAccess = Pairs(body, "SmartRuleAccess", "SmartRuleID"),
            };
            if (type == "ActiveDirectory" && string.IsNullOrWhiteSpace(input.DomainName))
                return Fail("domainName is required for an ActiveDirectory group.", out error);
            if (type == "LDAP" && string.IsNullOrWhiteSpace(input.DistinguishedName))
                return Fail("groupDistinguishedName is required for an LDAP group.", out error);
            if (type == "LDAP" && string.IsNullOrWhiteSpace(input.HostName))
                return Fail("hostName is required for an LDAP group (the directory server).", out error);
            if (input.Port is < 1 or > 65535) return Fail("port must be from 1 to 65535.", out error);
            return input;
        }
        catch (FormatException e)
        {
            return Fail(e.Message, out error);
        }
    }

    /// <summary>POST UserGroups/{id}/Permissions takes a bare array of <c>{PermissionID, AccessLevelID}</c> (or an object holding one).</summary>
    internal static IReadOnlyList<PermissionGrant> Permissions(JsonElement list, string where)
    {
        var grants = new List<PermissionGrant>();
        foreach (var (id, level) in PairsOf(list, where, "PermissionID"))
        {
            if (Emulator.Permissions.Find(id) is null)
                throw new FormatException($"{where}: PermissionID {id} is not a permission (GET Permissions lists them).");
            grants.Add(new PermissionGrant(id, level));
        }
        return grants;
    }

    private static IReadOnlyList<PermissionGrant> Permissions(JsonBody body, string name) =>
        body.TryGet(name, out var list) ? Permissions(list, name) : [];

    private static IReadOnlyList<(int, int)> Pairs(JsonBody body, string name, string idKey) =>
        body.TryGet(name, out var list) ? PairsOf(list, name, idKey) : [];

    private static List<(int, int)> PairsOf(JsonElement list, string where, string idKey)
    {
        var items = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToArray(),
            // The sample PowerShell script sends one object instead of an array.
            JsonValueKind.Object => new[] { list },
            _ => throw new FormatException($"{where} must be an array of {{ \"{idKey}\", \"AccessLevelID\" }}."),
        };
        var pairs = new List<(int, int)>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{where} entries must be objects {{ \"{idKey}\", \"AccessLevelID\" }}.");
            var id = Number(item, idKey) ?? throw new FormatException($"{where}: every entry needs a whole-number {idKey}.");
            var level = Number(item, "AccessLevelID") ?? AccessLevel.ReadWrite;
            if (level is not (AccessLevel.ReadOnly or AccessLevel.ReadWrite))
                throw new FormatException($"{where}: AccessLevelID must be {AccessLevel.ReadOnly} (Read Only) or {AccessLevel.ReadWrite} (Read/Write), got {level}.");
            pairs.Add((id, level));
        }
        return pairs;
    }

    private static IReadOnlyList<int> Ids(JsonBody body, string name)
    {
        if (!body.TryGet(name, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"{name} must be an array of whole numbers.");
        var ids = new List<int>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var id)) throw new FormatException($"{name} must be an array of whole numbers.");
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    private static int? Number(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            return JsonBody.WholeNumber(property.Value, name);
        }
        return null;
    }

    private static UserGroupInput? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
