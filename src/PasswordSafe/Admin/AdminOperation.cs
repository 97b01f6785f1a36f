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
    /// <param name="notFoundMeansTheItem">False when the call also names other objects (the workgroup an asset is created
    /// in, the user added to a group): a 404 may then mean any of them, and only the server's reason says which.</param>
    public AdminOperation(string action, string item, string permission, bool notFoundMeansTheItem = true)
    {
        Action = action;
        Item = item;
        Permission = permission;
        NotFoundMeansTheItem = notFoundMeansTheItem;
    }

    public string Action { get; }

    public string Item { get; }

    public string Permission { get; }

    public bool NotFoundMeansTheItem { get; }
}
