using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using PasswordSafe.Commands;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// The table views' fixed column widths against the values their columns can show: a column bound to a property with a
/// bounded set of values (an enum, a flag, a status or type the server names from a known list, a date in the views'
/// one format) is at least as wide as the longest of them, so no such value is ever cut ("Terminat…"), and at least as
/// wide as its header. Every fixed-width column is classified here, so a new one fails until it says which it is.
/// </summary>
public class TableViewWidthTests
{
    /// <summary>What the request objects' Status can say: the server's request states and the module's own "Unknown".</summary>
    private static readonly string[] RequestStatuses =
        Enum.GetNames(typeof(global::PasswordSafe.Emulator.RequestStatus)).Append("Unknown").ToArray();

    /// <summary>String properties with a bounded set of values, by type and property, derived from where they are defined.</summary>
    private static readonly Dictionary<string, string[]> BoundedStrings = new Dictionary<string, string[]>
    {
        ["PasswordSafe.Request.Status"] = RequestStatuses,
        ["PasswordSafe.RequestSet.Status"] = RequestStatuses,
        ["PasswordSafe.Request.AccessType"] = ValidateSetOf<NewPSRequestCommand>(nameof(NewPSRequestCommand.AccessType)),
        ["PasswordSafe.AccessSessionInfo.Status"] = SessionStatusNames.Names.ToArray(),
        ["PasswordSafe.AccessSessionInfo.Protocol"] = new[] { "RDP", "SSH", "Unknown" },
        ["PasswordSafe.AccessSession.SessionType"] = ValidateSetOf<NewPSAccessSessionCommand>(nameof(NewPSAccessSessionCommand.SessionType))
            .Concat(ValidateSetOf<NewPSAdminSessionCommand>(nameof(NewPSAdminSessionCommand.SessionType))).ToArray(),
        ["PasswordSafe.ApiRegistration.RegistrationType"] = new[] { PasswordSafe.Admin.ApiRegistrationSpec.ApiKeyPolicy, PasswordSafe.Admin.ApiRegistrationSpec.ApiAccessPolicy },
    };

    /// <summary>Script columns with a bounded output, by type and header: what the script can write.</summary>
    private static readonly Dictionary<string, string[]> BoundedScripts = new Dictionary<string, string[]>
    {
        ["PasswordSafe.ApiRegistrationKey.Key"] = new[] { "SecureString", "plain text (not shown)" },
    };

    /// <summary>Fixed-width columns whose values are free text or numbers with no bound: names, reasons, ids, addresses.</summary>
    private static readonly HashSet<string> Unbounded = new HashSet<string>
    {
        "PasswordSafe.PasswordSafeSession.Id", "PasswordSafe.PasswordSafeSession.UserName", "PasswordSafe.PasswordSafeSession.RunAs",
        "PasswordSafe.PasswordSafeSession.Server",
        "PasswordSafe.ManagedAccount.SystemName", "PasswordSafe.ManagedAccount.UserName", "PasswordSafe.ManagedAccount.SystemId",
        "PasswordSafe.ManagedAccount.AccountId", "PasswordSafe.ManagedAccount.DefaultReleaseDuration", "PasswordSafe.ManagedAccount.MaximumReleaseDuration",
        "PasswordSafe.Request.RequestId", "PasswordSafe.Request.SystemName", "PasswordSafe.Request.UserName", "PasswordSafe.Request.Reason",
        "PasswordSafe.Request.RequestorName",
        "PasswordSafe.RequestSet.RequestSetId", "PasswordSafe.RequestSet.SystemName", "PasswordSafe.RequestSet.UserName",
        "PasswordSafe.AccessSessionInfo.SessionId", "PasswordSafe.AccessSessionInfo.UserId", "PasswordSafe.AccessSessionInfo.AssetName",
        "PasswordSafe.AccessSessionInfo.AccountName", "PasswordSafe.AccessSessionInfo.RequestId", "PasswordSafe.AccessSessionInfo.Duration",
        "PasswordSafe.AccessSession.Host", "PasswordSafe.AccessSession.Port", "PasswordSafe.AccessSession.For",
        "PasswordSafe.ApiRegistration.RegistrationId", "PasswordSafe.ApiRegistration.Name", "PasswordSafe.ApiRegistration.IP rules",
        "PasswordSafe.UserGroupPermission.PermissionId",
        // Access levels are named by the server's list (Read Only, Full Control, Read/Write, ...): 12 fits the known names.
        "PasswordSafe.UserGroupPermission.AccessLevel",
        "PasswordSafe.SmartRuleRoleGrant.GroupId", "PasswordSafe.SmartRuleRoleGrant.SmartRuleId", "PasswordSafe.SmartRuleRoleGrant.Title",
        "PasswordSafe.SmartRuleRoleGrant.AccessPolicyId",
        "PasswordSafe.Platform.PlatformId", "PasswordSafe.Platform.Name", "PasswordSafe.Platform.ShortName", "PasswordSafe.Platform.DefaultPort",
        "PasswordSafe.AccessPolicy.AccessPolicyId", "PasswordSafe.AccessPolicy.Name",
        "PasswordSafe.ManagedSystem.ManagedSystemId", "PasswordSafe.ManagedSystem.SystemName", "PasswordSafe.ManagedSystem.PlatformId",
        "PasswordSafe.ManagedSystem.ReleaseDuration", "PasswordSafe.ManagedSystem.IPAddress", "PasswordSafe.ManagedSystem.AssetId",
        "PasswordSafe.ManagedAccountSettings.AccountId", "PasswordSafe.ManagedAccountSettings.AccountName", "PasswordSafe.ManagedAccountSettings.SystemId",
        "PasswordSafe.ManagedAccountSettings.DomainName", "PasswordSafe.ManagedAccountSettings.ChangeState",
        "PasswordSafe.CredentialTestResult.SystemName", "PasswordSafe.CredentialTestResult.AccountName", "PasswordSafe.CredentialTestResult.SystemId",
        "PasswordSafe.CredentialTestResult.AccountId",
        "PasswordSafe.ApiRegistrationKey.RegistrationId", "PasswordSafe.ApiRegistrationKey.Name",
    };

    /// <summary>The views' one date format (local time): every date column shows exactly this many characters.</summary>
    private const string DateFormat = "ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)";

    private sealed record Column(string View, string TypeName, Type? Type, string Label, int Width, string? Property, string? Script)
    {
        /// <summary>Type and property (or, for a script, the header), as the lists above name the column.</summary>
        public string Key => TypeName + "." + (Property ?? Label);

        public override string ToString() => $"{View}: {Label} (width {Width})";
    }

    private static string[] ValidateSetOf<TCmdlet>(string parameter) =>
        typeof(TCmdlet).GetProperty(parameter)!.GetCustomAttribute<ValidateSetAttribute>()!.ValidValues.ToArray();

    /// <summary>Every fixed-width column of every table view, with the module type it shows (the first one that is a .NET type).</summary>
    private static List<Column> FixedWidthColumns()
    {
        var module = typeof(PasswordSafeCmdlet).Assembly;
        var columns = new List<Column>();
        foreach (var view in XDocument.Load(FormatDataFile.Path()).Descendants("View").Where(v => v.Element("TableControl") != null))
        {
            var typeNames = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value).ToList();
            var typeName = typeNames.FirstOrDefault(n => module.GetType(n) != null) ?? typeNames[0];
            var headers = view.Descendants("TableColumnHeader").ToList();
            var items = view.Descendants("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                var width = headers[i].Element("Width");
                if (width == null)
                {
                    continue;
                }

                columns.Add(new Column(view.Element("Name")!.Value, typeName, module.GetType(typeName), headers[i].Element("Label")!.Value,
                    int.Parse(width.Value, System.Globalization.CultureInfo.InvariantCulture), items[i].Element("PropertyName")?.Value, items[i].Element("ScriptBlock")?.Value));
            }
        }

        return columns;
    }

    /// <summary>The values a column can show when they are bounded; null when it is free text or an unbounded number.</summary>
    private static IReadOnlyList<string>? BoundedValues(Column column)
    {
        if (column.Script != null)
        {
            if (column.Script.Contains(DateFormat, StringComparison.Ordinal))
            {
                return new[] { new DateTime(2026, 12, 31, 23, 59, 0).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) };
            }

            return BoundedScripts.TryGetValue(column.Key, out var written) ? written : null;
        }

        if (BoundedStrings.TryGetValue(column.Key, out var listed))
        {
            return listed;
        }

        var property = column.Type?.GetProperty(column.Property!);
        Assert.True(property != null, $"{column}: {column.TypeName} has no property {column.Property}.");
        var type = Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType;
        if (type.IsEnum)
        {
            return Enum.GetNames(type);
        }

        return type == typeof(bool) ? new[] { bool.TrueString, bool.FalseString } : null;
    }

    [Fact]
    public void EveryFixedWidthColumn_IsClassified_BoundedOrFree()
    {
        var unclassified = FixedWidthColumns().Where(c => BoundedValues(c) == null && !Unbounded.Contains(c.Key)).Select(c => c + " [" + c.Key + "]").ToList();

        Assert.True(unclassified.Count == 0,
            "Fixed-width columns neither bounded (an enum, a flag, a listed string, a date) nor listed as free text: " + string.Join("; ", unclassified));
    }

    [Fact]
    public void EveryColumnWithBoundedValues_FitsTheLongestOfThem_AndItsHeader()
    {
        var cut = new List<string>();
        foreach (var column in FixedWidthColumns())
        {
            var longest = (BoundedValues(column) ?? Array.Empty<string>()).OrderByDescending(v => v.Length).FirstOrDefault();
            if (longest != null && longest.Length > column.Width)
            {
                cut.Add($"{column} cuts '{longest}' ({longest.Length})");
            }

            if (column.Label.Length > column.Width)
            {
                cut.Add($"{column} cuts its header ({column.Label.Length})");
            }
        }

        Assert.True(cut.Count == 0, string.Join("; ", cut));
    }

    [Fact]
    public void TheBoundedLists_NameValuesThatExist()
    {
        Assert.Contains("Terminated", RequestStatuses);
        Assert.Contains("Disconnected", SessionStatusNames.Names);
        Assert.Equal(new[] { "View", "RDP", "SSH", "App" }, BoundedStrings["PasswordSafe.Request.AccessType"]);
        Assert.All(BoundedStrings.Keys.Concat(BoundedScripts.Keys).Concat(Unbounded), key =>
            Assert.Contains(FixedWidthColumns(), c => c.Key == key));
    }
}
