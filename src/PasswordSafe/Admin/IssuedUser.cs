using System.Security;

namespace PasswordSafe.Admin;

/// <summary>A user as the server returned it on create or secret recycle, with the client secret it showed that once.</summary>
internal sealed class IssuedUser
{
    public IssuedUser(User user, SecureString? clientSecret)
    {
        User = user;
        ClientSecret = clientSecret;
    }

    public User User { get; }

    /// <summary>Null for users without OAuth credentials.</summary>
    public SecureString? ClientSecret { get; }
}
