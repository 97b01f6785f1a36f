using System;
using System.Globalization;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PasswordSafe.Commands;

namespace PasswordSafe.Http;

/// <summary>
/// For a state-changing call whose answer was lost, what it may have done and the cmdlet that shows whether it did
/// (<c>POST Users</c> → <c>Get-PSUser -UserName 'alice'</c>), read from the call itself: the path as the server routes it
/// and, for a creation, the name the body sent. One table serves every cmdlet and Invoke-PSRestMethod. Only names and
/// ids are taken from a body, never another field (bodies can carry passwords); request ids are never named (they are
/// masked everywhere). A call the table does not know gets general words (<see cref="Generic"/>).
/// </summary>
internal static class ChangeReadBack
{
    private const string Id = @"(\d+)";

    private static readonly Entry[] Entries =
    {
        new Entry("POST", "Users", (m, body) => NewUser(body)),
        new Entry("PUT", "Users/" + Id, (m, body) => Check("updated " + User(m), $"Get-PSUser -UserId {m.Groups[1].Value}")),
        new Entry("DELETE", "Users/" + Id, (m, body) => Check("removed " + User(m), $"Get-PSUser -UserId {m.Groups[1].Value}")),
        new Entry("POST", "Users/" + Id + "/Quarantine", (m, body) => Check("quarantined " + User(m), $"Get-PSUser -UserId {m.Groups[1].Value}")),
        new Entry("POST", "Users/" + Id + "/RecycleClientSecret", (m, body) => new LostChange(
            "recycled the client secret of " + User(m),
            $"Recycle it again with Reset-PSClientSecret -UserId {m.Groups[1].Value} to get a secret you can see: the lost one cannot be read back.",
            "then the old secret no longer works, and the new one was only in the answer that was lost")),
        new Entry("POST", "Users/" + Id + "/UserGroups/" + Id, (m, body) => Check($"added {User(m)} to user group {m.Groups[2].Value}", $"Get-PSUser -GroupId {m.Groups[2].Value}")),
        new Entry("DELETE", "Users/" + Id + "/UserGroups/" + Id, (m, body) => Check($"removed {User(m)} from user group {m.Groups[2].Value}", $"Get-PSUser -GroupId {m.Groups[2].Value}")),
        new Entry("POST", "ApiRegistrations", (m, body) => Named(body, "Name", "API registration", "Get-PSApiRegistration -Name", wildcards: true, "Get-PSApiRegistration")),
        new Entry("PUT", "ApiRegistrations/" + Id, (m, body) => Check($"updated API registration {m.Groups[1].Value}", $"Get-PSApiRegistration -RegistrationId {m.Groups[1].Value}")),
        new Entry("DELETE", "ApiRegistrations/" + Id, (m, body) => Check($"removed API registration {m.Groups[1].Value}", $"Get-PSApiRegistration -RegistrationId {m.Groups[1].Value}")),
        new Entry("POST", "ApiRegistrations/" + Id + "/Rotate", (m, body) => new LostChange(
            $"rotated the key of API registration {m.Groups[1].Value}",
            $"Read the key with Get-PSApiRegistrationKey -RegistrationId {m.Groups[1].Value} and compare it with the one you hold before rotating again "
            + "(from a session that did not sign in with that key: one that did has ended; connect with another registration's key or OAuth).",
            "then the old key no longer signs in, sessions signed in with it have ended, and the new key was only in the answer that was lost")),
        new Entry("POST", "UserGroups", (m, body) => Named(body, "groupName", "user group", "Get-PSUserGroup -Name", wildcards: true, "Get-PSUserGroup")),
        new Entry("DELETE", "UserGroups/" + Id, (m, body) => Check($"removed user group {m.Groups[1].Value}", $"Get-PSUserGroup -GroupId {m.Groups[1].Value}")),
        new Entry("POST", "UserGroups/" + Id + "/SmartRules/" + Id + "/Roles", (m, body) => Check(
            $"set the roles of user group {m.Groups[1].Value} on smart rule {m.Groups[2].Value}",
            $"Get-PSUserGroupRole -GroupId {m.Groups[1].Value} -SmartRuleId {m.Groups[2].Value}")),
        new Entry("POST", "UserGroups/" + Id + "/Permissions", (m, body) => Check($"set the permissions of user group {m.Groups[1].Value}", $"Get-PSUserGroupPermission -GroupId {m.Groups[1].Value}")),
        new Entry("DELETE", "UserGroups/" + Id + "/Permissions", (m, body) => Check($"removed the permissions of user group {m.Groups[1].Value}", $"Get-PSUserGroupPermission -GroupId {m.Groups[1].Value}")),
        new Entry("POST", "Workgroups", (m, body) => Named(body, "Name", "workgroup", "Get-PSWorkgroup -Name", wildcards: true, "Get-PSWorkgroup")),
        new Entry("POST", "Workgroups/([^/]+)/Assets", (m, body) => NewAsset(m.Groups[1].Value, body)),
        new Entry("PUT", "Assets/" + Id, (m, body) => Check($"updated asset {m.Groups[1].Value}", $"Get-PSAsset -AssetId {m.Groups[1].Value}")),
        new Entry("DELETE", "Assets/" + Id, (m, body) => Check($"removed asset {m.Groups[1].Value}", $"Get-PSAsset -AssetId {m.Groups[1].Value}")),
        new Entry("POST", "Assets/" + Id + "/ManagedSystems", (m, body) => Check($"created a managed system on asset {m.Groups[1].Value}", $"Get-PSManagedSystem -AssetId {m.Groups[1].Value}")),
        new Entry("PUT", "ManagedSystems/" + Id, (m, body) => Check($"updated managed system {m.Groups[1].Value}", $"Get-PSManagedSystem -ManagedSystemId {m.Groups[1].Value}")),
        new Entry("DELETE", "ManagedSystems/" + Id, (m, body) => Check($"removed managed system {m.Groups[1].Value}", $"Get-PSManagedSystem -ManagedSystemId {m.Groups[1].Value}")),
        new Entry("POST", "ManagedSystems/" + Id + "/ManagedAccounts", (m, body) => NewAccount(m.Groups[1].Value, body)),
        new Entry("PUT", "ManagedAccounts/" + Id, (m, body) => Check($"updated managed account {m.Groups[1].Value}", $"Get-PSManagedAccount -AccountId {m.Groups[1].Value}")),
        new Entry("DELETE", "ManagedAccounts/" + Id, (m, body) => Check($"removed managed account {m.Groups[1].Value}", $"Get-PSManagedAccount -AccountId {m.Groups[1].Value}")),
        new Entry("PUT", "ManagedAccounts/" + Id + "/Credentials", (m, body) => new LostChange(
            $"set the credentials of managed account {m.Groups[1].Value}",
            "Setting the same credentials again does no harm: send them again once the server answers "
            + $"(Test-PSManagedAccountCredential -AccountId {m.Groups[1].Value} shows whether the stored ones work).")),
        new Entry("POST", "ManagedAccounts/" + Id + "/Credentials/Change", (m, body) => Check(
            $"started a password change of managed account {m.Groups[1].Value}",
            $"Get-PSManagedAccount -AccountId {m.Groups[1].Value}", " (by its LastChangeDate)")),
        new Entry("POST", "QuickRules", (m, body) => Named(body, "Title", "quick rule", "Get-PSQuickRule -Title", wildcards: true, "Get-PSQuickRule")),
        new Entry("POST", "Sessions/Admin", (m, body) => new LostChange(
            "opened the admin session",
            "Its ticket was only in the answer that was lost: Get-PSAccessSession -Status NotStarted lists the session; end it with Stop-PSAccessSession before opening another.")),
        new Entry("POST", "Sessions/" + Id + "/Lock", (m, body) => Check($"locked session {m.Groups[1].Value}", $"Get-PSAccessSession -SessionId {m.Groups[1].Value}")),
        new Entry("POST", "Sessions/" + Id + "/Terminate", (m, body) => Check($"ended session {m.Groups[1].Value}", $"Get-PSAccessSession -SessionId {m.Groups[1].Value}")),
        new Entry("POST", "Requests", (m, body) => NewRequest()),
        new Entry("POST", "Aliases/" + Id + "/Requests", (m, body) => NewRequest()),
        new Entry("POST", "RequestSets", (m, body) => new LostChange(
            "made the request set",
            "Look with Get-PSRequestSet before requesting again: a set it lists is yours to use, or to check in (Get-PSRequestSet | ForEach-Object Requests | Complete-PSRequest).")),
        new Entry("PUT", "Requests/[^/]+/Checkin", (m, body) => Check("checked the request in", "Get-PSRequest -Status Active", " (a request checked in is no longer listed)")),
        new Entry("PUT", "Requests/[^/]+/Approve", (m, body) => Check("approved the request", "Get-PSRequest -Queue Approver", " (a request approved or denied is no longer listed there)")),
        new Entry("PUT", "Requests/[^/]+/Deny", (m, body) => Check("denied the request", "Get-PSRequest -Queue Approver", " (a request approved or denied is no longer listed there)")),
        new Entry("PUT", "Requests/[^/]+/RotateOnCheckin", (m, body) => new LostChange(
            "marked the request to rotate on check-in", "Marking it again does no harm: run the same command once the server answers.")),
        new Entry("POST", "Requests/[^/]+/Sessions", (m, body) => new LostChange(
            "created the session",
            "Its ticket or file was only in the answer that was lost: create another with New-PSAccessSession; the unused one ends when the request is checked in.")),
    };

    // POSTs that change nothing a retry could duplicate: a credential test, and an ISA release (audited, nothing kept open).
    private static readonly Regex[] Reads =
    {
        Whole(@"ManagedAccounts/\d+/Credentials/Test"),
        Whole("ISARequests"),
    };

    /// <summary>The general words, for a change the table does not know.</summary>
    public static LostChange Generic { get; } = new LostChange(
        "made the change",
        "Check whether it was made before retrying (the Get- cmdlet of that object shows it): a retry of a change that was made fails as a duplicate or makes it twice.");

    /// <summary>True for a call that may change server state: not a GET, not signing in or out, not a read sent by POST.</summary>
    public static bool IsChange(string method, string relativePath)
    {
        if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = PathOf(relativePath);
        if (path.StartsWith("Auth/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var read in Reads)
        {
            if (read.IsMatch(path))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the call may have done and how to check; <see cref="Generic"/> for a call the table does not know.</summary>
    public static LostChange For(string method, string relativePath, string? jsonBody)
    {
        var path = PathOf(relativePath);
        foreach (var entry in Entries)
        {
            if (!string.Equals(entry.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = entry.Path.Match(path);
            if (match.Success)
            {
                return entry.Describe(match, new Body(jsonBody));
            }
        }

        return Generic;
    }

    /// <summary>A single-quoted PowerShell literal; <paramref name="wildcards"/>: escaped too for a parameter that reads wildcards.</summary>
    internal static string Literal(string value, bool wildcards) =>
        "'" + CodeGeneration.EscapeSingleQuotedStringContent(wildcards ? WildcardParameters.Escape(value) : value) + "'";

    private static string PathOf(string relativePath)
    {
        var query = relativePath.IndexOfAny(new[] { '?', '#' });
        return Redactor.AsServerReadsIt(query < 0 ? relativePath : relativePath.Substring(0, query)).Trim('/');
    }

    private static string User(Match m) => "user " + m.Groups[1].Value;

    /// <summary>The usual advice: the read-back command shows whether the change was made.</summary>
    private static LostChange Check(string done, string command, string note = "") =>
        new LostChange(done, $"Check before retrying: {command} shows whether it was made{note}. A retry of a change that was made fails as a duplicate or makes it twice.");

    private static LostChange Named(Body body, string key, string noun, string command, bool wildcards, string listCommand)
    {
        var name = body.Text(key);
        return name == null
            ? Check($"created the {noun}", listCommand)
            : Check($"created {noun} '{name}'", $"{command} {Literal(name, wildcards)}");
    }

    private static LostChange NewUser(Body body)
    {
        var name = body.Text("UserName");
        var domain = body.Text("DomainName");
        if (name == null)
        {
            return Check("created the user", "Get-PSUser");
        }

        var full = domain == null ? name : domain + "\\" + name;
        var check = Check($"created user '{full}'", $"Get-PSUser -UserName {Literal(full, wildcards: true)}");
        return string.Equals(body.Text("UserType"), "Application", StringComparison.OrdinalIgnoreCase)
            ? new LostChange(check.Done, check.Advice
                + " If it was made, its client secret was only in the answer that was lost: Reset-PSClientSecret gives it one you can see.")
            : check;
    }

    private static LostChange NewAsset(string workgroup, Body body)
    {
        var inWorkgroup = int.TryParse(workgroup, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? "-WorkgroupId " + workgroup
            : "-WorkgroupName " + Literal(workgroup, wildcards: false);
        var name = body.Text("AssetName");
        return name == null
            ? Check("created the asset", $"Get-PSAsset {inWorkgroup}")
            : Check($"created asset '{name}'", $"Get-PSAsset {inWorkgroup} -Name {Literal(name, wildcards: false)}");
    }

    private static LostChange NewAccount(string systemId, Body body)
    {
        var name = body.Text("AccountName");
        return name == null
            ? Check($"created a managed account on managed system {systemId}", $"Get-PSManagedAccount -ManagedSystemId {systemId}")
            : Check($"created managed account '{name}' on managed system {systemId}",
                $"Get-PSManagedAccount -ManagedSystemId {systemId} -AccountName {Literal(name, wildcards: true)}");
    }

    private static LostChange NewRequest() => new LostChange(
        "made the request",
        "Look with Get-PSRequest -Status Active before requesting again: a request it lists is yours to use, or to check in with Complete-PSRequest.");

    private static Regex Whole(string pattern) =>
        new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private sealed class Entry
    {
        public Entry(string method, string path, Func<Match, Body, LostChange> describe)
        {
            Method = method;
            Path = Whole(path);
            Describe = describe;
        }

        public string Method { get; }

        public Regex Path { get; }

        public Func<Match, Body, LostChange> Describe { get; }
    }

    /// <summary>The names a JSON body sent (any case of the key); nothing when it is not a JSON object.</summary>
    private sealed class Body
    {
        private readonly string? _json;
        private JObject? _parsed;
        private bool _read;

        public Body(string? json) => _json = json;

        public string? Text(string key)
        {
            if (!_read)
            {
                _read = true;
                _parsed = Parse(_json);
            }

            var value = _parsed?.GetValue(key, StringComparison.OrdinalIgnoreCase);
            var text = value != null && value.Type == JTokenType.String ? value.Value<string>() : null;
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        private static JObject? Parse(string? json)
        {
            if (string.IsNullOrEmpty(json))
            {
                return null;
            }

            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(json!)) { MaxDepth = 32, DateParseHandling = DateParseHandling.None };
                return JToken.ReadFrom(reader) as JObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
