using System.Collections.Generic;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// A managed account in the provisioning view (GET ManagedAccounts/{id}, api-v3 §2.2; note <c>ManagedAccountID</c>
/// and <c>ManagedSystemID</c>, unlike the checkout list's <c>AccountId</c>/<c>SystemId</c>). Never a credential.
/// </summary>
internal static class ProvisionedAccountJson
{
    internal static Dictionary<string, object?> From(ManagedAccount account)
    {
        var settings = account.Settings;
        object? Setting(string name, object? fallback = null) => settings.TryGetValue(name, out var value) ? value : fallback;
        return new Dictionary<string, object?>
        {
            ["ManagedAccountID"] = account.ManagedAccountId,
            ["ManagedSystemID"] = account.System.ManagedSystemId,
            ["DomainName"] = account.DomainName,
            ["AccountName"] = account.AccountName,
            ["DistinguishedName"] = Setting("DistinguishedName", null),
            ["PasswordFallbackFlag"] = Setting("PasswordFallbackFlag", false),
            ["UserPrincipalName"] = account.UserPrincipalName,
            ["SAMAccountName"] = Setting("SAMAccountName", null),
            ["LoginAccountFlag"] = Setting("LoginAccountFlag", false),
            ["Description"] = account.Description,
            ["PasswordRuleID"] = Setting("PasswordRuleID", 0),
            ["ApiEnabled"] = account.ApiEnabled,
            ["ReleaseNotificationEmail"] = Setting("ReleaseNotificationEmail", null),
            ["ChangeServicesFlag"] = Setting("ChangeServicesFlag", false),
            ["RestartServicesFlag"] = Setting("RestartServicesFlag", false),
            ["ChangeTasksFlag"] = Setting("ChangeTasksFlag", false),
            ["ReleaseDuration"] = RequestLedger.DefaultDuration(account),
            ["MaxReleaseDuration"] = RequestLedger.MaxDuration(account),
            ["ISAReleaseDuration"] = RequestLedger.IsaDuration(account),
            ["MaxConcurrentRequests"] = account.MaxConcurrentRequests,
            ["AutoManagementFlag"] = Setting("AutoManagementFlag", false),
            ["DSSAutoManagementFlag"] = Setting("DSSAutoManagementFlag", false),
            ["CheckPasswordFlag"] = Setting("CheckPasswordFlag", false),
            ["ResetPasswordOnMismatchFlag"] = Setting("ResetPasswordOnMismatchFlag", false),
            ["ChangePasswordAfterAnyReleaseFlag"] = Setting("ChangePasswordAfterAnyReleaseFlag", false),
            ["ChangeFrequencyType"] = Setting("ChangeFrequencyType", "first"),
            ["ChangeFrequencyDays"] = Setting("ChangeFrequencyDays", 30),
            ["ChangeTime"] = Setting("ChangeTime", "23:30"),
            ["ParentAccountID"] = null,
            ["IsSubscribedAccount"] = false,
            ["LastChangeDate"] = account.LastChangeDate?.UtcDateTime,
            ["NextChangeDate"] = account.QueuedChangeAt?.UtcDateTime ?? Setting("NextChangeDate", null),
            ["IsChanging"] = false,
            // ChangeState: 0 idle, 2 queued (§2.1 [I]).
            ["ChangeState"] = account.QueuedChangeAt is null ? 0 : 2,
            ["UseOwnCredentials"] = Setting("UseOwnCredentials", false),
            ["WorkgroupID"] = Setting("WorkgroupID", null),
            ["ChangeIISAppPoolFlag"] = Setting("ChangeIISAppPoolFlag", false),
            ["RestartIISAppPoolFlag"] = Setting("RestartIISAppPoolFlag", false),
            ["ChangeWindowsAutoLogonFlag"] = Setting("ChangeWindowsAutoLogonFlag", false),
            ["ChangeComPlusFlag"] = Setting("ChangeComPlusFlag", false),
            ["ChangeDComFlag"] = Setting("ChangeDComFlag", false),
            ["ChangeSComFlag"] = Setting("ChangeSComFlag", false),
            ["ObjectID"] = Setting("ObjectID", null),
        };
    }
}
