using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// The managed-system body of <c>POST Assets/{id}/ManagedSystems?version=</c>, <c>POST Workgroups/{id}/ManagedSystems</c>
/// and <c>PUT ManagedSystems/{id}?version=</c> (api-v3 §6.3, validators from the official Go client): 3.1 adds
/// RemoteClientType, 3.2/3.3 the application-host fields. The host fields apply only to systems made in a workgroup.
/// </summary>
internal static class ManagedSystemFields
{
    internal const string Newest = "3.3";
    internal const int MaxDuration = CheckoutCodes.MaxDurationMinutes;

    internal static readonly IReadOnlyList<BodyField> HostFields = new[]
    {
        BodyField.Integer("EntityTypeID", 1, null, 1),
        BodyField.Text("HostName", 128),
        BodyField.Address("IPAddress", 46),
        BodyField.Text("DnsName", 225),
        BodyField.Text("InstanceName", 100),
        BodyField.Flag("IsDefaultInstance"),
        BodyField.Text("Template"),
        BodyField.Text("ForestName", 64),
        BodyField.Flag("UseSSL"),
        BodyField.Text("NetBiosName", 15),
        BodyField.Integer("AccountNameFormat", 0, 2, 0),
        BodyField.Text("OracleInternetDirectoryID"),
        BodyField.Text("OracleInternetDirectoryServiceName", 200),
        BodyField.Text("AccessURL"),
    };

    internal static readonly IReadOnlyList<BodyField> All = new[]
    {
        BodyField.Integer("PlatformID", 1),
        BodyField.Email("ContactEmail", 1000),
        BodyField.Text("Description", 255),
        BodyField.Integer("Port", 1, 65535),
        BodyField.Integer("Timeout", 1, null, 30),
        BodyField.Integer("SshKeyEnforcementMode", 0, 2, 0),
        BodyField.Integer("PasswordRuleID", 0, null, 0),
        BodyField.Integer("DSSKeyRuleID", 0, null, 0),
        BodyField.Integer("LoginAccountID", 0),
        BodyField.Integer("ReleaseDuration", 1, MaxDuration),
        BodyField.Integer("MaxReleaseDuration", 1, MaxDuration),
        BodyField.Integer("ISAReleaseDuration", 1, MaxDuration),
        BodyField.Flag("AutoManagementFlag"),
        BodyField.Integer("FunctionalAccountID", 0),
        BodyField.Text("ElevationCommand", 80),
        BodyField.Flag("CheckPasswordFlag"),
        BodyField.Flag("ChangePasswordAfterAnyReleaseFlag"),
        BodyField.Flag("ResetPasswordOnMismatchFlag"),
        BodyField.Choice("ChangeFrequencyType", "first", "first", "last", "xdays"),
        BodyField.Integer("ChangeFrequencyDays", 1, 999, 30),
        BodyField.TimeOfDay("ChangeTime", "23:30"),
        BodyField.Choice("RemoteClientType", "None", "None", "EPM").From("3.1"),
        BodyField.Integer("ApplicationHostID", 1).From("3.2"),
        BodyField.Flag("IsApplicationHost").From("3.2"),
    };
}
