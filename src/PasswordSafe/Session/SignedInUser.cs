namespace PasswordSafe.Session;

/// <summary>The user facts <c>POST Auth/SignAppIn</c> returns (api-v3 §1.2).</summary>
internal sealed class SignedInUser
{
    public SignedInUser(int? userId, string? userName, string? name, string? emailAddress)
    {
        UserId = userId;
        UserName = userName;
        Name = name;
        EmailAddress = emailAddress;
    }

    public int? UserId { get; }

    public string? UserName { get; }

    public string? Name { get; }

    public string? EmailAddress { get; }
}
