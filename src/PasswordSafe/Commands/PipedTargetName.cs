namespace PasswordSafe.Commands;

/// <summary>
/// The name a piped object gives the account, system or user its id was bound from, so the by-target cmdlets
/// (Stop-PSRequest, Lock-/Stop-PSAccessSession) say "managed system 2 (db01)" in -WhatIf and confirmations alike. Only
/// when the object's own id is the one bound: a typed id names nothing.
/// </summary>
internal static class PipedTargetName
{
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
        _ => null,
    };

    public static string? User(object? piped, int id) => piped is PasswordSafe.User user && user.UserId == id ? user.UserName : null;
}
