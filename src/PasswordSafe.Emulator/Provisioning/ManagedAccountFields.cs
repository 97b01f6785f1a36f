using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// The managed-account body of <c>POST ManagedSystems/{id}/ManagedAccounts?version=</c> and <c>PUT ManagedAccounts/{id}</c>
/// (api-v3 §2.2) with its limits: 3.1 adds UseOwnCredentials, 3.2 the IIS flags, 3.3 WorkgroupID, 3.4 the auto-logon
/// and COM flags, 3.5 ObjectID. The order is the order of the provisioning view's keys.
/// </summary>
internal static class ManagedAccountFields
{
    internal const string Newest = "3.5";
    internal const int MaxDuration = CheckoutCodes.MaxDurationMinutes;

    internal static readonly IReadOnlyList<BodyField> All = new[]
    {
        BodyField.Text("DomainName", 50),
        BodyField.Text("AccountName", 245),
        BodyField.Text("DistinguishedName", 1000),
        BodyField.Flag("PasswordFallbackFlag"),
        BodyField.Text("UserPrincipalName", 500),
        BodyField.Text("SAMAccountName", 20),
        BodyField.Flag("LoginAccountFlag"),
        BodyField.Text("Description", 1024),
        BodyField.Integer("PasswordRuleID", 0, null, 0),
        BodyField.Flag("ApiEnabled"),
        BodyField.Email("ReleaseNotificationEmail", 255),
        BodyField.Flag("ChangeServicesFlag"),
        BodyField.Flag("RestartServicesFlag"),
        BodyField.Flag("ChangeTasksFlag"),
        BodyField.Integer("ReleaseDuration", 1, MaxDuration),
        BodyField.Integer("MaxReleaseDuration", 1, MaxDuration),
        BodyField.Integer("ISAReleaseDuration", 1, MaxDuration),
        BodyField.Integer("MaxConcurrentRequests", 0, 999),
        BodyField.Flag("AutoManagementFlag"),
        BodyField.Flag("DSSAutoManagementFlag"),
        BodyField.Flag("CheckPasswordFlag"),
        BodyField.Flag("ResetPasswordOnMismatchFlag"),
        BodyField.Flag("ChangePasswordAfterAnyReleaseFlag"),
        BodyField.Choice("ChangeFrequencyType", "first", "first", "last", "xdays"),
        BodyField.Integer("ChangeFrequencyDays", 1, 999, 30),
        BodyField.TimeOfDay("ChangeTime", "23:30"),
        BodyField.Date("NextChangeDate"),
        BodyField.Flag("UseOwnCredentials").From("3.1"),
        BodyField.Flag("ChangeIISAppPoolFlag").From("3.2"),
        BodyField.Flag("RestartIISAppPoolFlag").From("3.2"),
        BodyField.Integer("WorkgroupID", 1).From("3.3"),
        BodyField.Flag("ChangeWindowsAutoLogonFlag").From("3.4"),
        BodyField.Flag("ChangeComPlusFlag").From("3.4"),
        BodyField.Flag("ChangeDComFlag").From("3.4"),
        BodyField.Flag("ChangeSComFlag").From("3.4"),
        BodyField.Text("ObjectID", 36).From("3.5"),
        // Secrets last: accepted on create, never shown (credentials change through §4.2 afterwards).
        BodyField.Secret("Password"),
        BodyField.Secret("PrivateKey"),
        BodyField.Secret("Passphrase"),
    };
}
