using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Admin;

/// <summary>
/// The managed-account body of <c>POST ManagedSystems/{id}/ManagedAccounts?version=</c> and <c>PUT ManagedAccounts/{id}</c>
/// (api-v3 §2.2) with the limits listed there: 3.1 adds UseOwnCredentials, 3.2 the IIS flags, 3.3 WorkgroupID,
/// 3.4 the auto-logon/COM flags, 3.5 ObjectID.
/// </summary>
internal static class ManagedAccountFields
{
    public static readonly IReadOnlyList<FieldSpec> All = new[]
    {
        FieldSpec.Text("AccountName", "AccountName", 245),
        FieldSpec.Secret("Password", "Password"),
        FieldSpec.Text("DomainName", "DomainName", 50),
        FieldSpec.Text("UserPrincipalName", "UserPrincipalName", 500),
        FieldSpec.Text("SamAccountName", "SAMAccountName", 20),
        FieldSpec.Text("DistinguishedName", "DistinguishedName", 1000),
        FieldSpec.Secret("PrivateKey", "PrivateKey"),
        FieldSpec.Secret("Passphrase", "Passphrase"),
        FieldSpec.Flag("PasswordFallback", "PasswordFallbackFlag"),
        FieldSpec.Flag("LoginAccount", "LoginAccountFlag"),
        FieldSpec.Text("Description", "Description", 1024),
        FieldSpec.Integer("PasswordRuleId", "PasswordRuleID"),
        FieldSpec.Flag("ApiEnabled", "ApiEnabled"),
        FieldSpec.Text("ReleaseNotificationEmail", "ReleaseNotificationEmail", 255),
        FieldSpec.Flag("ChangeServices", "ChangeServicesFlag"),
        FieldSpec.Flag("RestartServices", "RestartServicesFlag"),
        FieldSpec.Flag("ChangeTasks", "ChangeTasksFlag"),
        FieldSpec.Integer("ReleaseDuration", "ReleaseDuration", 1, ManagedSystemFields.MaxDurationMinutes),
        FieldSpec.Integer("MaxReleaseDuration", "MaxReleaseDuration", 1, ManagedSystemFields.MaxDurationMinutes),
        FieldSpec.Integer("IsaReleaseDuration", "ISAReleaseDuration", 1, ManagedSystemFields.MaxDurationMinutes),
        FieldSpec.Integer("MaxConcurrentRequests", "MaxConcurrentRequests", 0, 999),
        FieldSpec.Flag("AutoManagement", "AutoManagementFlag"),
        FieldSpec.Flag("DssAutoManagement", "DSSAutoManagementFlag"),
        FieldSpec.Flag("CheckPassword", "CheckPasswordFlag"),
        FieldSpec.Flag("ResetPasswordOnMismatch", "ResetPasswordOnMismatchFlag"),
        FieldSpec.Flag("ChangePasswordAfterAnyRelease", "ChangePasswordAfterAnyReleaseFlag"),
        FieldSpec.Choice("ChangeFrequencyType", "ChangeFrequencyType", "first", "last", "xdays"),
        FieldSpec.Integer("ChangeFrequencyDays", "ChangeFrequencyDays", 1, 999),
        FieldSpec.TimeOfDay("ChangeTime", "ChangeTime"),
        FieldSpec.Date("NextChangeDate", "NextChangeDate"),
        FieldSpec.Flag("UseOwnCredentials", "UseOwnCredentials").Since("3.1"),
        FieldSpec.Flag("ChangeIisAppPool", "ChangeIISAppPoolFlag").Since("3.2"),
        FieldSpec.Flag("RestartIisAppPool", "RestartIISAppPoolFlag").Since("3.2"),
        FieldSpec.Integer("WorkgroupId", "WorkgroupID").Since("3.3"),
        FieldSpec.Flag("ChangeWindowsAutoLogon", "ChangeWindowsAutoLogonFlag").Since("3.4"),
        FieldSpec.Flag("ChangeComPlus", "ChangeComPlusFlag").Since("3.4"),
        FieldSpec.Flag("ChangeDCom", "ChangeDComFlag").Since("3.4"),
        FieldSpec.Flag("ChangeSCom", "ChangeSComFlag").Since("3.4"),
        FieldSpec.Text("ObjectId", "ObjectID").Since("3.5"),
    };

    /// <summary>Credentials are changed with Set-PSManagedAccountCredential (§4.2), never by an account update.</summary>
    public static readonly IReadOnlyList<FieldSpec> Updatable =
        All.Where(f => f.Kind != FieldKind.Secret).ToList();
}
