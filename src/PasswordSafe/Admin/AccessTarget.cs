namespace PasswordSafe.Admin;

/// <summary>
/// What an incident-response call ends access to (api-v3 §3.3, §5.1): a managed account, a managed system or a user,
/// as the path the calls hang off and as words for -WhatIf, confirmations and errors.
/// </summary>
internal sealed class AccessTarget
{
    private readonly string _collection;

    private AccessTarget(string collection, int id, string description)
    {
        _collection = collection;
        Id = id;
        Description = description;
    }

    public static AccessTarget ManagedAccount(int id) => new AccessTarget("ManagedAccounts", id, ManagedAccountService.Describe(id));

    public static AccessTarget ManagedSystem(int id) => new AccessTarget("ManagedSystems", id, ManagedSystemService.Describe(id));

    public static AccessTarget User(int id) => new AccessTarget("Users", id, UserService.Describe(id));

    public int Id { get; }

    /// <summary>E.g. <c>managed account 1</c>, or <c>managed account 1 (web01\Administrator)</c> once named.</summary>
    public string Description { get; }

    /// <summary><c>ManagedAccounts/1</c>: the calls add <c>/Requests/Terminate</c> or <c>/Sessions/Lock</c>.</summary>
    public string Path => _collection + "/" + AdminClient.Segment(Id);

    /// <summary>The same target, its description followed by a name the caller already knows (from a piped object).</summary>
    public AccessTarget Named(string? name) =>
        string.IsNullOrEmpty(name) ? this : new AccessTarget(_collection, Id, $"{Description} ({name})");
}
