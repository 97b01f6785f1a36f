using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// The name a piped object gives the object its id was bound from, so -WhatIf and confirmations say
/// "managed system 2 (db01)" rather than a bare number: the by-target cmdlets (Stop-PSRequest, Lock-/Stop-PSAccessSession)
/// and every admin cmdlet that acts on an id. Only when the object's own id is the one bound: a typed id names nothing,
/// and nothing is read just to find a name.
/// </summary>
internal static class PipedTargetName
{
    /// <summary><c>managed system 2 (db01)</c>, or the description alone when no name is known.</summary>
    public static string Describe(string description, string? name) =>
        string.IsNullOrEmpty(name) ? description : $"{description} ({name})";

    /// <summary>What -WhatIf and confirmations call the object with this id: "user 4 (jdoe)" when the piped object names it.</summary>
    public static string UserTarget(object? piped, int id) => Describe(UserService.Describe(id), User(piped, id));

    public static string UserGroupTarget(object? piped, int id) => Describe(UserGroupService.Describe(id), UserGroup(piped, id));

    public static string ManagedAccountTarget(object? piped, int id) => Describe(ManagedAccountService.Describe(id), ManagedAccount(piped, id));

    public static string ManagedSystemTarget(object? piped, int id) => Describe(ManagedSystemService.Describe(id), ManagedSystem(piped, id));

    public static string AssetTarget(object? piped, int id) => Describe(AssetService.DescribeAsset(id), Asset(piped, id));

    public static string ApiRegistrationTarget(object? piped, int id) => Describe(ApiRegistrationService.Describe(id), ApiRegistration(piped, id));

    public static string SmartRuleTarget(object? piped, int id) => Describe("smart rule " + AdminClient.Segment(id), SmartRule(piped, id));

    /// <summary>
    /// <c>web01\Administrator</c> from either Get-PSManagedAccount view, or from a credential test result (which carries the
    /// system's name where it was known: <c>db01\sa</c>).
    /// </summary>
    public static string? ManagedAccount(object? piped, int id) => piped switch
    {
        PasswordSafe.ManagedAccount account when account.AccountId == id => account.ToString(),
        ManagedAccountSettings settings when settings.AccountId == id => settings.AccountName,
        CredentialTestResult result when result.AccountId == id && !string.IsNullOrEmpty(result.AccountName) =>
            string.IsNullOrEmpty(result.SystemName) ? result.AccountName : CheckoutCmdlet.Describe(result.SystemName, result.AccountName),
        _ => null,
    };

    public static string? ManagedSystem(object? piped, int id) => piped switch
    {
        PasswordSafe.ManagedSystem system when system.ManagedSystemId == id => system.SystemName,
        PasswordSafe.ManagedAccount account when account.SystemId == id => account.SystemName,
        _ => null,
    };

    public static string? User(object? piped, int id) => piped is PasswordSafe.User user && user.UserId == id ? user.UserName : null;

    public static string? UserGroup(object? piped, int id) => piped switch
    {
        PasswordSafe.UserGroup group when group.GroupId == id => group.Name,
        UserGroupPermission grant when grant.GroupId == id => grant.GroupName,
        _ => null,
    };

    public static string? Asset(object? piped, int id) =>
        piped is PasswordSafe.Asset asset && asset.AssetId == id ? asset.AssetName ?? asset.IPAddress : null;

    /// <summary>A registration's name, also from its key as Get-PSApiRegistrationKey -Detailed writes it.</summary>
    public static string? ApiRegistration(object? piped, int id) => piped switch
    {
        PasswordSafe.ApiRegistration registration when registration.RegistrationId == id => registration.Name,
        ApiRegistrationKey key when key.RegistrationId == id => key.Name,
        _ => null,
    };

    /// <summary>A rule's title from a piped rule, or from a group's roles on it.</summary>
    public static string? SmartRule(object? piped, int id) => piped switch
    {
        PasswordSafe.SmartRule rule when rule.SmartRuleId == id => rule.Title,
        SmartRuleRoleGrant grant when grant.SmartRuleId == id => grant.Title,
        _ => null,
    };
}
