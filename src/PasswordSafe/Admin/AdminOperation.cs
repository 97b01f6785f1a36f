namespace PasswordSafe.Admin;

/// <summary>
/// What one admin call does, in words: used to turn a 400/403/404 into a message that names the item,
/// the server's reason and the permission that is probably missing.
/// </summary>
internal sealed class AdminOperation
{
    /// <param name="action">What was attempted, e.g. <c>Creating</c>.</param>
    /// <param name="item">The item, e.g. <c>API registration 5</c> or <c>user 'ci-bot'</c>.</param>
    /// <param name="permission">One of <see cref="AdminPermission"/>.</param>
    public AdminOperation(string action, string item, string permission)
    {
        Action = action;
        Item = item;
        Permission = permission;
    }

    public string Action { get; }

    public string Item { get; }

    public string Permission { get; }
}
