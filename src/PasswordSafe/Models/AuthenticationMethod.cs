namespace PasswordSafe;

/// <summary>How a session signed in.</summary>
public enum AuthenticationMethod
{
    /// <summary>A <c>PS-Auth</c> API key with a run-as user (spec B1).</summary>
    ApiKey,

    /// <summary>OAuth client credentials of an application user (spec C3).</summary>
    OAuth,
}
