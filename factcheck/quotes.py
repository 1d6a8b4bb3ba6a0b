"""placeholder"""
def extract_quotes(seg, source_id):
    return []
