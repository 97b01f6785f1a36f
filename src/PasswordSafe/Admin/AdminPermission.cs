namespace PasswordSafe.Admin;

/// <summary>
/// The BeyondInsight permission a call most likely needs, named in the PermissionDenied message so the
/// administrator knows what to grant (a group with the Administrator flag has them all).
/// </summary>
internal static class AdminPermission
{
    public const string ApiRegistrations = "membership of an Administrators group (API registrations are an administrator setting)";
    public const string Users = "the 'User Accounts Management' feature permission (Read/Write for changes)";
    public const string Assets = "the 'Asset Management' feature permission (Read/Write for changes)";
    public const string Systems = "the 'Password Safe System Management' feature permission (Read/Write for changes)";
    public const string Accounts = "the 'Password Safe Account Management' feature permission (Read/Write for changes)";
    public const string Credentials = "the 'Password Safe Account Management' feature permission (Read/Write), or the ISA or Credentials Manager role on the account";
    public const string SmartRules = "the 'Smart Rule Management - Managed Account' feature permission (Read/Write for changes)";
    public const string Roles = "the 'Password Safe Role Management' feature permission (Read/Write)";
    public const string Sessions = "membership of an Administrators group, or the ISA role (Auditor for reading) on the account's smart rule (for an admin session: being the user who opened it)";
    public const string Quarantine = "the 'Password Safe API Global Quarantine' feature permission (Full control), which an Administrators group holds";
    public const string AdminSession = "the 'Password Safe Admin Session' feature permission (Full control), which an Administrators group holds";
    public const string AccessPolicies = "the 'Password Safe Role Management' or 'Password Safe Policy Management' feature permission (Read)";
}
