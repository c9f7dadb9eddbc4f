namespace Platform.RemoteCommand.Tests.Spdy;

/// <summary>Bytes the real kubectl 1.32.4 sent, captured from `kubectl port-forward pod/web 47812:8080` and one local connection.</summary>
public static class KubectlFrames
{
    /// <summary>
    /// Its first frame: SYN_STREAM of stream 1, headers streamtype=error, port=8080, requestid=0, compressed by Go's zlib
    /// (78 F9: best compression with a dictionary, DICTID E3C6A7C2) and ended by a sync flush (00 00 FF FF).
    /// </summary>
    public static readonly byte[] ErrorStreamSyn = Convert.FromHexString(
        "800300010000003e0000000100000000000078f9e3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45e01c60616061c0c0c0c0590489c64c50f2663400000000ffff");
}
