namespace PasswordSafe.Checkout;

/// <summary>
/// What <c>POST Requests</c> (or its alias form) answered: the request's id, and whether the server reused a request
/// that was already open (<c>-ConflictOption Reuse</c>): 200 instead of 201 Created (api-v3 §3.2 [I]). A reused request
/// belongs to whoever opened it, so Use-PSCredential leaves it open.
/// </summary>
internal readonly struct CreatedRequest
{
    public CreatedRequest(int requestId, bool reused)
    {
        RequestId = requestId;
        Reused = reused;
    }

    public int RequestId { get; }

    public bool Reused { get; }
}
