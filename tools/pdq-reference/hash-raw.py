"""Hashes raw RGB files with the ThreatExchange PDQ Python reference (argv[1]: its pdq/python folder).

The reference reads images with PIL; here the luma is filled from the raw bytes with the reference's own
coefficients, so both implementations hash the very same pixels. A stub PIL stands in for the import.
"""
import json, os, sys, tempfile

stub = tempfile.mkdtemp()
os.makedirs(os.path.join(stub, 'PIL'))
open(os.path.join(stub, 'PIL', '__init__.py'), 'w').write('Image = None\n')
sys.path[:0] = [stub, sys.argv[1]]
from pdqhashing.hasher.pdq_hasher import PDQHasher  # noqa: E402
from pdqhashing.utils.matrix import MatrixUtil  # noqa: E402

hasher = PDQHasher()
for case in json.loads(sys.argv[2]):
    w, h = case['width'], case['height']
    raw = open(case['file'], 'rb').read()
    luma = MatrixUtil.allocateMatrixAsRowMajorArray(h, w)
    for i in range(w * h):
        luma[i] = hasher.LUMA_FROM_R_COEFF * raw[3 * i] + hasher.LUMA_FROM_G_COEFF * raw[3 * i + 1] + hasher.LUMA_FROM_B_COEFF * raw[3 * i + 2]
    res = hasher.pdqHash256esFromFloatLuma(
        luma, MatrixUtil.allocateMatrixAsRowMajorArray(h, w), h, w,
        MatrixUtil.allocateMatrix(64, 64), MatrixUtil.allocateMatrix(16, 64), MatrixUtil.allocateMatrix(16, 16), MatrixUtil.allocateMatrix(16, 16),
        hasher.PDQ_DO_DIH_ALL)
    hashes = [res.hash, res.hashRotate90, res.hashRotate180, res.hashRotate270, res.hashFlipX, res.hashFlipY, res.hashFlipPlus1, res.hashFlipMinus1]
    print(json.dumps({**{k: case[k] for k in ('seed', 'width', 'height', 'shapes')}, 'quality': res.quality, 'hashes': [str(x) for x in hashes]}))
