using System.Collections.Generic;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// A managed system as GET ManagedSystems returns it (api-v3 §6.3), keys in the documented order. Fields the system
/// never had a value for show the console's default.
/// </summary>
internal static class ManagedSystemJson
{
    internal static Dictionary<string, object?> From(ManagedSystem system)
    {
        var settings = system.Settings;
        object? Setting(string name, object? fallback = null) => settings.TryGetValue(name, out var value) ? value : fallback;
        return new Dictionary<string, object?>
        {
            ["WorkgroupID"] = system.Workgroup.Id,
            ["HostName"] = system.HostName ?? system.SystemName,
            ["IPAddress"] = system.IPAddress,
            ["DNSName"] = system.DnsName,
            ["InstanceName"] = system.InstanceName,
            ["IsDefaultInstance"] = Setting("IsDefaultInstance", false),
            ["Template"] = Setting("Template"),
            ["ForestName"] = Setting("ForestName"),
            ["UseSSL"] = Setting("UseSSL", false),
            ["ManagedSystemID"] = system.ManagedSystemId,
            ["EntityTypeID"] = Setting("EntityTypeID", 1),
            ["AssetID"] = system.AssetId,
            ["DatabaseID"] = null,
            ["DirectoryID"] = null,
            ["CloudID"] = null,
            ["SystemName"] = system.SystemName,
            ["Timeout"] = Setting("Timeout", 30),
            ["PlatformID"] = system.PlatformId,
            ["NetBiosName"] = Setting("NetBiosName"),
            ["ContactEmail"] = Setting("ContactEmail"),
            ["Description"] = system.Description,
            ["Port"] = Setting("Port"),
            ["SshKeyEnforcementMode"] = Setting("SshKeyEnforcementMode", 0),
            ["PasswordRuleID"] = Setting("PasswordRuleID", 0),
            ["DSSKeyRuleID"] = Setting("DSSKeyRuleID", 0),
            ["LoginAccountID"] = Setting("LoginAccountID"),
            ["AccountNameFormat"] = Setting("AccountNameFormat", 0),
            ["OracleInternetDirectoryID"] = Setting("OracleInternetDirectoryID"),
            ["OracleInternetDirectoryServiceName"] = Setting("OracleInternetDirectoryServiceName"),
            ["ReleaseDuration"] = system.ReleaseDuration,
            ["MaxReleaseDuration"] = system.MaxReleaseDuration,
            ["ISAReleaseDuration"] = system.ISAReleaseDuration,
            ["AutoManagementFlag"] = Setting("AutoManagementFlag", false),
            ["FunctionalAccountID"] = Setting("FunctionalAccountID"),
            ["ElevationCommand"] = Setting("ElevationCommand"),
            ["CheckPasswordFlag"] = Setting("CheckPasswordFlag", false),
            ["ChangePasswordAfterAnyReleaseFlag"] = Setting("ChangePasswordAfterAnyReleaseFlag", false),
            ["ResetPasswordOnMismatchFlag"] = Setting("ResetPasswordOnMismatchFlag", false),
            ["ChangeFrequencyType"] = Setting("ChangeFrequencyType", "first"),
            ["ChangeFrequencyDays"] = Setting("ChangeFrequencyDays", 30),
            ["ChangeTime"] = Setting("ChangeTime", "23:30"),
            ["RemoteClientType"] = Setting("RemoteClientType", "None"),
            ["ApplicationHostID"] = Setting("ApplicationHostID"),
            ["IsApplicationHost"] = Setting("IsApplicationHost", false),
            ["AccessURL"] = Setting("AccessURL"),
        };
    }
}
