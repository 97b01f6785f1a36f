using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>
/// The managed-system body of <c>POST Assets/{id}/ManagedSystems?version=</c> and <c>PUT ManagedSystems/{id}?version=</c>
/// (api-v3 §6.3): 3.0 fields, 3.1 adds RemoteClientType, 3.2 the application-host fields; validators as there.
/// </summary>
internal static class ManagedSystemFields
{
    public const long MaxDurationMinutes = 525600;

    public static readonly IReadOnlyList<FieldSpec> All = new[]
    {
        FieldSpec.Integer("PlatformId", "PlatformID", 1),
        FieldSpec.Text("ContactEmail", "ContactEmail", 1000),
        FieldSpec.Text("Description", "Description", 255),
        FieldSpec.Integer("Port", "Port", 1, 65535),
        FieldSpec.Integer("Timeout", "Timeout", 1),
        FieldSpec.Integer("SshKeyEnforcementMode", "SshKeyEnforcementMode", 0, 2),
        FieldSpec.Integer("PasswordRuleId", "PasswordRuleID"),
        FieldSpec.Integer("DssKeyRuleId", "DSSKeyRuleID"),
        FieldSpec.Integer("LoginAccountId", "LoginAccountID"),
        FieldSpec.Integer("ReleaseDuration", "ReleaseDuration", 1, MaxDurationMinutes),
        FieldSpec.Integer("MaxReleaseDuration", "MaxReleaseDuration", 1, MaxDurationMinutes),
        FieldSpec.Integer("IsaReleaseDuration", "ISAReleaseDuration", 1, MaxDurationMinutes),
        FieldSpec.Flag("AutoManagement", "AutoManagementFlag"),
        FieldSpec.Integer("FunctionalAccountId", "FunctionalAccountID"),
        FieldSpec.Text("ElevationCommand", "ElevationCommand"),
        FieldSpec.Flag("CheckPassword", "CheckPasswordFlag"),
        FieldSpec.Flag("ChangePasswordAfterAnyRelease", "ChangePasswordAfterAnyReleaseFlag"),
        FieldSpec.Flag("ResetPasswordOnMismatch", "ResetPasswordOnMismatchFlag"),
        FieldSpec.Choice("ChangeFrequencyType", "ChangeFrequencyType", "first", "last", "xdays"),
        FieldSpec.Integer("ChangeFrequencyDays", "ChangeFrequencyDays", 1, 999),
        FieldSpec.TimeOfDay("ChangeTime", "ChangeTime"),
        FieldSpec.Choice("RemoteClientType", "RemoteClientType", "None", "EPM").Since("3.1"),
        FieldSpec.Integer("ApplicationHostId", "ApplicationHostID").Since("3.2"),
        FieldSpec.Flag("IsApplicationHost", "IsApplicationHost").Since("3.2"),
    };
}
