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

    /// <summary><c>web01\Administrator</c> from either Get-PSManagedAccount view, or a session's account.</summary>
    public static string? ManagedAccount(object? piped, int id) => piped switch
    {
        PasswordSafe.ManagedAccount account when account.AccountId == id => account.ToString(),
        ManagedAccountSettings settings when settings.AccountId == id => settings.AccountName,
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

    public static string? ApiRegistration(object? piped, int id) =>
        piped is PasswordSafe.ApiRegistration registration && registration.RegistrationId == id ? registration.Name : null;
}
