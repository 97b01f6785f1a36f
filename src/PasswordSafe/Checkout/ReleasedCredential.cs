namespace PasswordSafe.Checkout;

/// <summary>What a credential read gave a <see cref="CredentialLease"/>: the secret, and the request as the server named it, when it did.</summary>
internal sealed class ReleasedCredential
{
    public ReleasedCredential(string secret, Request? request)
    {
        Secret = secret;
        Request = request;
    }

    public string Secret { get; }

    public Request? Request { get; }
}
